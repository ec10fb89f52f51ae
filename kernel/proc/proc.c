/*
 * The process table and the process API's kernel side.
 *
 * Slots: `procs` is the process list, NPROC slots. UNUSED slots wait on
 * free_slots; live processes are found by pid through pid_hash. A
 * process's children hang off its `children` list, so fork, exit and wait
 * touch only the processes involved, never the whole table.
 */
#include "proc/proc.h"

#include <stddef.h>

#include "abi/pstat.h"
#include "abi/wait.h"
#include "arch/arch.h"
#include "core/clock.h"
#include "core/kprintf.h"
#include "core/panic.h"
#include "fs/file.h"
#include "fs/vfs.h"
#include "lib/format.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/uaccess.h"
#include "mm/vm.h"
#include "proc/exec.h"
#include "proc/mutex.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/waitq.h"

#define PID_HASH_SIZE 256

/* Guarded by sched_lock, like the scheduling fields of each proc. */
static struct proc procs[NPROC];
/* Slot i's kernel stack, mapped at boot above a guard page and kept for
 * the kernel's life (arch_kstack_map): never changing a mapping is what
 * lets every CPU trust its TLB for every stack. Constant after proc_init. */
static void *kstacks[NPROC];
static struct list free_slots;
static struct proc *pid_hash[PID_HASH_SIZE];
static int next_pid = 1;
static unsigned nproc_used;
static struct proc *init_proc;
static struct proc idle_procs[NCPU];    /* each CPU's boot thread, pid 0 */
static int foreground_pgid;             /* the console's signals go here (setfg) */

static const char *const state_names[] = {
    [PROC_UNUSED] = "unused",   [PROC_EMBRYO] = "embryo",
    [PROC_READY] = "ready",     [PROC_RUNNING] = "running",
    [PROC_BLOCKED] = "blocked", [PROC_SUSPENDED] = "suspended",
    [PROC_ZOMBIE] = "zombie",
};

const char *proc_state_name(enum proc_state s)
{
    return s <= PROC_ZOMBIE ? state_names[s] : "?";
}

static void proc_init_fields(struct proc *p)
{
    list_init(&p->children);
    list_node_init(&p->sibling);
    list_node_init(&p->wait_node);
    list_node_init(&p->sleep_node);
    list_node_init(&p->sched.run_node);
    list_node_init(&p->alarm_node);
    waitq_init(&p->child_exit);
}

/* A CPU's boot thread, running on `stack`, becomes its idle process. */
static struct proc *idle_init(struct proc *idle, void *stack)
{
    proc_init_fields(idle);
    strlcpy(idle->name, "idle", sizeof idle->name);
    idle->magic = (uint32_t *)stack;
    *idle->magic = PROC_MAGIC;
    return idle;
}

void proc_init(void)
{
    list_init(&free_slots);
    for (int i = NPROC - 1; i >= 0; i--)
        list_push_front(&free_slots, &procs[i].free_node);
    for (int i = 0; i < NPROC; i++) {
        uint32_t frame = frame_alloc();
        kstacks[i] = frame ? arch_kstack_map(i, frame) : 0;
        if (!kstacks[i])
            panic("no memory for %d kernel stacks (NPROC)", NPROC);
    }
    /* The boot thread becomes the idle process: it runs kmain's stack. */
    extern char boot_stack[];
    sched_init(idle_init(&idle_procs[0], boot_stack));
}

void proc_idle_cpu(void *stack)
{
    sched_init_cpu(idle_init(&idle_procs[this_cpu()->id], stack));
    sched_idle_loop();
}

struct proc *proc_find(int pid)
{
    if (pid <= 0)
        return 0;
    for (struct proc *p = pid_hash[pid % PID_HASH_SIZE]; p; p = p->hash_next)
        if (p->pid == pid)
            return p;
    return 0;
}

/* A pid no live process has; pids are reused only after the counter wraps. */
static int alloc_pid(void)
{
    for (;;) {
        int pid = next_pid;
        next_pid = next_pid == 0x7FFFFFFF ? 2 : next_pid + 1;
        if (!proc_find(pid))
            return pid;
    }
}

/*
 * Takes a free slot and gives it a pid; the slot's kernel stack comes
 * with it. The new process is an EMBRYO whose first switch-in runs
 * `first` and then returns to user mode through its trapframe. NULL when
 * the table is full.
 */
static struct proc *proc_alloc(void (*first)(void))
{
    spin_lock(&sched_lock);
    struct list_node *n = list_pop_front(&free_slots);
    if (!n) {
        spin_unlock(&sched_lock);
        return 0;
    }
    struct proc *p = list_entry(n, struct proc, free_node);
    memset(p, 0, offsetof(struct proc, cwd_path));   /* see struct proc */
    proc_init_fields(p);
    p->pid = alloc_pid();
    p->state = PROC_EMBRYO;
    p->start_tick = clock_ticks();
    p->hash_next = pid_hash[p->pid % PID_HASH_SIZE];
    pid_hash[p->pid % PID_HASH_SIZE] = p;
    nproc_used++;
    spin_unlock(&sched_lock);
    p->kstack = kstacks[p - procs];
    p->magic = p->kstack;
    *p->magic = PROC_MAGIC;
    arch_proc_init_stack(p, first);
    return p;
}

/* Returns a slot to the free list; with sched_lock held. */
static void proc_free(struct proc *p)
{
    ASSERT(spin_holding(&sched_lock));
    struct proc **link = &pid_hash[p->pid % PID_HASH_SIZE];
    while (*link != p)
        link = &(*link)->hash_next;
    *link = p->hash_next;
    p->state = PROC_UNUSED;
    p->pid = 0;
    nproc_used--;
    list_push_front(&free_slots, &p->free_node);
}

/* A new process's first code: the creator held sched_lock across the
 * switch, so release it, then "return" to user mode (trap_return). */
static void fork_return(void)
{
    spin_unlock(&sched_lock);
    if (current_proc()->killed)         /* killed before it ever ran */
        proc_exit(-1);
}

static void (*kernel_task_fn)(void);    /* proc_start_kernel_task's, once */

static void kernel_task_first_run(void)
{
    spin_unlock(&sched_lock);
    kernel_task_fn();
    panic("kernel task %s returned", current_proc()->name);
}

bool proc_start_kernel_task(const char *name, void (*fn)(void))
{
    ASSERT(!kernel_task_fn);
    struct proc *p = proc_alloc(kernel_task_first_run);
    if (!p)
        return false;
    kernel_task_fn = fn;
    strlcpy(p->name, name, sizeof p->name);
    strlcpy(p->cwd_path, "/", sizeof p->cwd_path);
    arch_fpu_init_state(p);
    spin_lock(&sched_lock);
    sched_fork(0, p);
    sched_make_ready(p);
    spin_unlock(&sched_lock);
    return true;
}

static char **init_argv;

/* The first process starts in the kernel and execs /bin/init. */
static void init_first_run(void)
{
    spin_unlock(&sched_lock);
    if (exec_kernel("/bin/init", init_argv) < 0)
        panic("cannot start /bin/init (is the initramfs loaded?)");
}

void proc_start_init(char **argv)
{
    struct proc *p = proc_alloc(init_first_run);
    if (!p)
        panic("no memory for the first process");
    p->as = vm_create();
    struct file *con = console_file_open();
    if (!p->as || !con)
        panic("no memory for the first process");
    p->files[0] = con;
    p->files[1] = file_dup(con);
    p->files[2] = file_dup(con);
    strlcpy(p->cwd_path, "/", sizeof p->cwd_path);
    strlcpy(p->name, "init", sizeof p->name);
    arch_fpu_init_state(p);
    p->pgid = p->pid;                   /* group 1, which init leads */
    init_proc = p;
    init_argv = argv;
    spin_lock(&sched_lock);
    sched_fork(0, p);
    sched_make_ready(p);
    spin_unlock(&sched_lock);
}

int proc_fork(void)
{
    struct proc *parent = current_proc();
    struct proc *child = proc_alloc(fork_return);
    if (!child)
        return -1;
    child->as = vm_fork(parent->as);
    if (!child->as) {
        spin_lock(&sched_lock);
        proc_free(child);
        spin_unlock(&sched_lock);
        return -1;
    }
    *child->tf = *parent->tf;
    arch_set_return(child->tf, 0);      /* fork returns 0 in the child */
    fpu_save(&child->fpu);              /* the parent's live user FPU state */
    for (int fd = 0; fd < NOFILE; fd++)
        if (parent->files[fd])
            child->files[fd] = file_dup(parent->files[fd]);
    child->cwd = parent->cwd ? inode_dup(parent->cwd) : 0;
    memcpy(child->cwd_path, parent->cwd_path, sizeof child->cwd_path);
    memcpy(child->name, parent->name, sizeof child->name);
    int pid = child->pid;
    spin_lock(&sched_lock);
    child->parent = parent;
    list_push_back(&parent->children, &child->sibling);
    signal_fork(parent, child);
    sched_fork(parent, child);
    sched_make_ready(child);
    spin_unlock(&sched_lock);
    return pid;
}

/* A zombie child of p, or NULL; with sched_lock held. */
static struct proc *find_zombie_child(struct proc *p)
{
    list_for_each(n, &p->children) {
        struct proc *c = list_entry(n, struct proc, sibling);
        if (c->state == PROC_ZOMBIE)
            return c;
    }
    return 0;
}

/* Frees zombie child z; with sched_lock held. */
static void reap(struct proc *z)
{
    list_unlink(&z->sibling);
    proc_free(z);
}

/* Does child c answer waitpid's pid (> 0 a pid, -1 any child, 0 the
 * caller's group, < -1 the group -pid)? */
static bool wait_matches(const struct proc *c, int pid, int my_pgid)
{
    if (pid > 0)
        return c->pid == pid;
    if (pid == -1)
        return true;
    return c->pgid == (pid == 0 ? my_pgid : -pid);
}

/* What waitpid reports of c, encoded (abi/wait.h), or -1 for nothing;
 * a reported stop or continue is reported once. sched_lock held. */
static int wait_news(struct proc *c, int options)
{
    if (c->state == PROC_ZOMBIE)
        return c->term_sig ? W_SIGNALED(c->term_sig) : W_EXITCODE(c->exit_status);
    if ((options & WUNTRACED) && c->stop_report && c->state != PROC_RUNNING) {
        int status = W_STOPCODE(c->stop_report);
        c->stop_report = 0;
        return status;
    }
    if ((options & WCONTINUED) && c->cont_report) {
        c->cont_report = false;
        return W_CONTINUED;
    }
    return -1;
}

/* The first matching child with news: its pid, and *status_out; 0 if
 * children match but none has news; -1 if none matches. sched_lock held. */
static int find_news(struct proc *p, int pid, int options, int *status_out)
{
    int found = -1;
    list_for_each_safe(n, tmp, &p->children) {
        struct proc *c = list_entry(n, struct proc, sibling);
        if (!wait_matches(c, pid, p->pgid))
            continue;
        found = 0;
        int status = wait_news(c, options);
        if (status != -1) {
            int cpid = c->pid;
            *status_out = status;
            if (c->state == PROC_ZOMBIE)
                reap(c);
            return cpid;
        }
    }
    return found;
}

/* Only under sched_lock may another CPU look into p's address space
 * (the out-of-memory killer counts pages: largest_process); so p's own
 * CPU detaches it under the lock before freeing it, and no walk of it can
 * still be under way. */
struct addrspace *proc_swap_as(struct proc *p, struct addrspace *as)
{
    spin_lock(&sched_lock);
    struct addrspace *old = p->as;
    p->as = as;
    spin_unlock(&sched_lock);
    return old;
}

// LAB wait BEGIN
/* Hands p's children to init; with sched_lock held. A zombie among them
 * is init's to reap now, and init may be asleep in wait. */
static void reparent_children(struct proc *p)
{
    bool zombies = false;
    list_for_each_safe(n, tmp, &p->children) {
        struct proc *c = list_entry(n, struct proc, sibling);
        list_unlink(n);
        c->parent = init_proc;
        list_push_back(&init_proc->children, n);
        zombies |= c->state == PROC_ZOMBIE;
    }
    if (zombies)
        waitq_wake_all(&init_proc->child_exit);
}

/* The exiting p's news for its family, just before it becomes a zombie;
 * with sched_lock held, so no waiter can look between the two. */
static void exit_notify(struct proc *p, int status)
{
    reparent_children(p);
    p->exit_status = status;
    waitq_wake_all(&p->parent->child_exit);
}

int proc_wait(int *status_out)
{
    struct proc *p = current_proc();
    spin_lock(&sched_lock);
    for (;;) {
        if (list_empty(&p->children)) {
            spin_unlock(&sched_lock);
            return -1;
        }
        struct proc *z = find_zombie_child(p);
        if (z) {
            int pid = z->pid;
            *status_out = z->exit_status;
            reap(z);
            spin_unlock(&sched_lock);
            return pid;
        }
        if (waitq_sleep(&p->child_exit, &sched_lock) < 0) {
            spin_unlock(&sched_lock);
            return -1;
        }
    }
}

int proc_waitpid(int pid, int *status_out, int options)
{
    struct proc *p = current_proc();
    spin_lock(&sched_lock);
    int r;
    while ((r = find_news(p, pid, options, status_out)) == 0 && !(options & WNOHANG))
        if (waitq_sleep(&p->child_exit, &sched_lock) < 0) {
            r = -1;
            break;
        }
    spin_unlock(&sched_lock);
    return r;
}
// LAB wait END

void proc_exit(int status)
{
    struct proc *p = current_proc();
    if (p == init_proc) {
        kprintf("init exited with status %d: nothing left to run\n", status);
        kernel_stop(status);
    }
    for (int fd = 0; fd < NOFILE; fd++) {
        if (p->files[fd]) {
            file_close(p->files[fd]);
            p->files[fd] = 0;
        }
    }
    if (p->cwd)
        inode_put(p->cwd);
    p->cwd = 0;
    mutex_release_all(p);               /* as if it had unlocked them */
    vm_deactivate();                    /* leave the address space, then free it */
    vm_destroy(proc_swap_as(p, 0));
    spin_lock(&sched_lock);
    signal_exit(p);
    sched_exit(p);
    exit_notify(p, status);
    sched_block(PROC_ZOMBIE);
    panic("a zombie ran again");
}

/* The target of a signal: live, not a zombie; sched_lock held. */
struct proc *proc_find_target(int pid)
{
    struct proc *p = proc_find(pid);
    return p && p->state != PROC_ZOMBIE && p->state != PROC_EMBRYO ? p : 0;
}

bool proc_is_init(const struct proc *p)
{
    return p == init_proc;
}

/* Is a among p's ancestors (its parent, its parent's parent, ...)? Init
 * is everyone's. With sched_lock held (parent links change under it). */
static bool is_ancestor(const struct proc *a, const struct proc *p)
{
    for (p = p->parent; p; p = p->parent)
        if (p == a)
            return true;
    return false;
}

void proc_interrupt_sleep(struct proc *p)
{
    list_unlink(&p->wait_node);
    list_unlink(&p->sleep_node);
    p->blocked_on = 0;
    sched_make_ready(p);
}

void proc_kill_locked(struct proc *p, int sig)
{
    ASSERT(!proc_is_init(p));
    if (p->killed)
        return;
    p->killed = true;
    p->term_sig = sig;
    if (p->state == PROC_BLOCKED)
        proc_interrupt_sleep(p);
    else if (p->state == PROC_SUSPENDED)
        sched_make_ready(p);            /* it must run to die */
    else
        sched_kick(p);                  /* running elsewhere: dies at its trap exit */
}

/* Its parent may be in waitpid(WUNTRACED or WCONTINUED). */
static void tell_parent(struct proc *p)
{
    if (p->parent)
        waitq_wake_all(&p->parent->child_exit);
}

/* May the current process suspend p? Not a dying process (it must run
 * to die), and not an ancestor of its own: init, or a shell waiting for
 * it, would stay suspended with no one left to resume it
 * (docs/processes.md). */
bool proc_may_suspend(const struct proc *p)
{
    return !p->killed && !is_ancestor(p, current_proc());
}

void proc_stopping(struct proc *p)
{
    if (p->stop_report)
        tell_parent(p);
}

// LAB suspend BEGIN
bool proc_stop_locked(struct proc *p, int sig)
{
    if (p->killed || proc_is_init(p))
        return false;
    if (!p->suspended) {
        p->suspended = true;
        if (p->state == PROC_READY) {
            sched_remove_ready(p);
            p->state = PROC_SUSPENDED;
        }
        /* RUNNING: stops at its next trap exit (sched_trap_exit), at
         * once if it runs on another CPU (sched_kick's IPI).
         * BLOCKED: its wakeup will land in SUSPENDED. */
        sched_kick(p);
        p->stop_report = sig;
        p->cont_report = false;
        tell_parent(p);
    }
    return true;
}

bool proc_continue_locked(struct proc *p)
{
    if (!p->suspended)
        return false;
    p->suspended = false;
    if (p->state == PROC_SUSPENDED)
        sched_make_ready(p);
    p->stop_report = 0;
    p->cont_report = true;
    tell_parent(p);
    return true;
}
// LAB suspend END

int proc_for_each_in_group(int pgid, void (*fn)(struct proc *p, void *arg), void *arg)
{
    int n = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->pgid == pgid && p->state != PROC_UNUSED && p->state != PROC_EMBRYO &&
            p->state != PROC_ZOMBIE) {
            fn(p, arg);
            n++;
        }
    }
    return n;
}

/* Is p (still pid) running on another CPU, on its way to SUSPENDED?
 * The caller stops waiting if it is suspended or killed itself: two
 * processes suspending each other on two CPUs must not wait forever. */
static bool still_running_elsewhere(struct proc *p, int pid)
{
    struct proc *me = current_proc();
    spin_lock(&sched_lock);
    bool running = p->pid == pid && p->state == PROC_RUNNING && p->suspended
                   && p->sched.cpu != this_cpu()->id && !me->suspended && !me->killed;
    spin_unlock(&sched_lock);
    return running;
}

/* Returns once the process no longer runs (unless it is the caller): a
 * process running on another CPU got an IPI and stops at that trap's
 * exit, a moment later. */
int proc_suspend(int pid)
{
    spin_lock(&sched_lock);
    struct proc *p = proc_find_target(pid);
    if (p && signal_send_locked(p, SIGSTOP, true) < 0)
        p = 0;
    spin_unlock(&sched_lock);
    if (!p)
        return -1;
    while (still_running_elsewhere(p, pid))
        arch_cpu_relax();
    return 0;
}

/* resume() is kill(pid, SIGCONT), except that it fails (-1) if pid was
 * not stopped. */
int proc_resume(int pid)
{
    spin_lock(&sched_lock);
    struct proc *p = proc_find_target(pid);
    int r = -1;
    if (p && p->suspended)
        r = signal_send_locked(p, SIGCONT, true);
    spin_unlock(&sched_lock);
    return r;
}

void proc_set_foreground(int pgid)
{
    foreground_pgid = pgid;
}

void proc_signal_foreground(int sig)
{
    spin_lock(&sched_lock);
    if (foreground_pgid > 0)
        signal_group_locked(foreground_pgid, sig, false);
    spin_unlock(&sched_lock);
}

/* The process holding the most user pages, never init (nor idle, nor a
 * process with no address space left); sched_lock held. Ties go to the
 * lowest slot. */
static struct proc *largest_process(uint32_t *pages_out)
{
    struct proc *best = 0;
    uint32_t most = 0;
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state == PROC_UNUSED || p->state == PROC_EMBRYO || p->state == PROC_ZOMBIE ||
            !p->as || proc_is_init(p))
            continue;
        uint32_t n = vm_resident_pages(p->as);
        if (!best || n > most) {
            best = p;
            most = n;
        }
    }
    *pages_out = most;
    return best;
}

bool proc_reclaim_memory(void)
{
    struct proc *me = current_proc();
    uint32_t pages;
    spin_lock(&sched_lock);
    struct proc *victim = largest_process(&pages);
    bool other = victim && victim != me;
    if (other && !victim->killed) {
        kprintf("out of memory: killed pid %d (%s), the largest process (%u pages), "
                "for pid %d (%s)\n", victim->pid, victim->name, pages, me->pid, me->name);
        proc_kill_locked(victim, SIGKILL);
    }
    spin_unlock(&sched_lock);
    if (other)
        sleep_ticks(1);                 /* let it die; then the fault runs again */
    return other;
}

void proc_fault(struct trapframe *tf, int sig, const char *what, uint32_t addr)
{
    if (!signal_fault(sig))
        proc_fault_fatal(tf, sig, what, addr);
}

void proc_fault_fatal(struct trapframe *tf, int sig, const char *what, uint32_t addr)
{
    struct proc *p = current_proc();
    kprintf("pid %d (%s): %s at eip %p, address %p: killed\n",
            p->pid, p->name, what, (void *)arch_user_pc(tf), (void *)addr);
    spin_lock(&sched_lock);
    if (!p->killed)
        p->term_sig = sig;
    spin_unlock(&sched_lock);
    proc_exit(-1);
}

static void fill_info(struct procinfo *pi, const struct proc *p, uint32_t now)
{
    pi->pid = p->pid;
    pi->ppid = p->parent ? p->parent->pid : 0;
    pi->state = p->state == PROC_BLOCKED && p->suspended ? PROC_SUSPENDED : (int)p->state;
    pi->priority = p->sched.priority;
    pi->ticks = p->ticks;
    pi->nscheduled = p->nscheduled;
    pi->ready_ticks = p->ready_ticks + (p->state == PROC_READY ? now - p->ready_since : 0);
    pi->start_tick = p->start_tick;
    memcpy(pi->name, p->name, sizeof pi->name);
    pi->cpu = p->sched.ran_on;
    pi->eff_prio = p->sched.eff_prio;
}

/* getprocs and getpinfo copy the table out in chunks: the records of
 * CHUNK slots under sched_lock, then copyout with no lock held. Holding
 * the lock (interrupts off) across NPROC=1024 records and their copies
 * would keep this CPU deaf to the clock for many ticks; a chunk is short.
 * Each record is a consistent snapshot of its process; the table as a
 * whole is not one instant, as it never was for a caller that reads it. */
#define CHUNK 16

/* Fills up to CHUNK records from slot *slot on; advances *slot. */
static int gather_infos(struct procinfo *pi, int *slot, int room)
{
    int n = 0;
    uint32_t now = clock_ticks();
    spin_lock(&sched_lock);
    for (; *slot < NPROC && n < CHUNK && n < room; (*slot)++)
        if (procs[*slot].state != PROC_UNUSED)
            fill_info(&pi[n++], &procs[*slot], now);
    spin_unlock(&sched_lock);
    return n;
}

int proc_getprocs(uaddr_t ubuf, int max)
{
    struct procinfo pi[CHUNK];
    int n = 0;
    for (int slot = 0; slot < NPROC && n < max;) {
        int k = gather_infos(pi, &slot, max - n);
        if (k && copyout(ubuf + (uint32_t)n * sizeof pi[0], pi, (uint32_t)k * sizeof pi[0]) < 0)
            return -1;
        n += k;
    }
    return n;
}

/* Copies ints v[0..k-1] to the user's struct pstat: field[i..i+k-1]. */
#define PSTAT_PUT(ubuf, field, i, v, k)                                      \
    copyout((ubuf) + offsetof(struct pstat, field) + (uint32_t)(i) * sizeof(int), (v), \
            (uint32_t)(k) * sizeof(int))

int proc_getpinfo(uaddr_t ubuf)
{
    /* Field by field, a chunk of slots at a time: the whole struct (16
     * bytes x NPROC) is too big for a kernel stack when NPROC is large. */
    int inuse[CHUNK], tickets[CHUNK], pid[CHUNK], ticks[CHUNK];
    for (int i = 0; i < NPROC; i += CHUNK) {
        int k = NPROC - i < CHUNK ? NPROC - i : CHUNK;
        spin_lock(&sched_lock);
        for (int j = 0; j < k; j++) {
            const struct proc *p = &procs[i + j];
            bool used = p->state != PROC_UNUSED;
            inuse[j] = used;
            tickets[j] = used ? p->sched.tickets : 0;
            pid[j] = used ? p->pid : 0;
            ticks[j] = used ? (int)p->ticks : 0;
        }
        spin_unlock(&sched_lock);
        if ((PSTAT_PUT(ubuf, inuse, i, inuse, k) | PSTAT_PUT(ubuf, tickets, i, tickets, k)
             | PSTAT_PUT(ubuf, pid, i, pid, k) | PSTAT_PUT(ubuf, ticks, i, ticks, k)) < 0)
            return -1;
    }
    return 0;
}

unsigned proc_count(void)
{
    return nproc_used;
}

unsigned proc_count_ready(void)
{
    ASSERT(spin_holding(&sched_lock));
    unsigned n = 0;
    for (int i = 0; i < NPROC; i++)
        n += procs[i].state == PROC_READY;
    return n;
}

/* The working directory and open files of p, for Ctrl-P: read without
 * their owner's cooperation, so a line may be stale (never unsafe to
 * read: the kernel heap stays mapped). */
static void dump_files(const struct proc *p)
{
    if (p->state == PROC_ZOMBIE || p->state == PROC_EMBRYO)
        return;
    kprintf("     cwd %s\n", p->cwd_path);
    for (int fd = 0; fd < NOFILE; fd++) {
        char line[MAXPATH + 32];
        if (p->files[fd]) {
            file_describe(p->files[fd], line, sizeof line);
            kprintf("     fd %d: %s\n", fd, line);
        }
    }
}

/* Ctrl-P: the process table, straight from the kernel. */
/* Ctrl-P's second table: what each CPU runs, its queue, its load. */
static void dump_cpus(void)
{
    static struct cpu_load load[NCPU];
    sched_cpu_load(load, NCPU);
    kprintf("CPU  RUNS                  READY  BUSY/TICKS\n");
    for (int i = 0; i < ncpu; i++) {
        char runs[24] = "idle";
        if (load[i].running)
            snprintf(runs, sizeof runs, "pid %d", load[i].running);
        kprintf("%-4d %-21s %5u  %u/%u\n", i, runs, load[i].ready, load[i].busy, load[i].ticks);
    }
}

void proc_dump(void)
{
    kprintf("\nPID  PPID STATE      TICKS NAME            USER EIP\n");
    spin_lock(&sched_lock);
    for (int i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        if (p->state == PROC_UNUSED)
            continue;
        struct procinfo pi;
        fill_info(&pi, p, clock_ticks());
        kprintf("%-4d %-4d %-10s %5u %-15s %p\n", pi.pid, pi.ppid,
                proc_state_name((enum proc_state)pi.state), pi.ticks, pi.name,
                p->tf ? (void *)arch_user_pc(p->tf) : 0);
        dump_files(p);
    }
    spin_unlock(&sched_lock);
    dump_cpus();
}
