/*
 * The scheduler core; see sched.h. The moves it makes:
 *
 *   sched_make_ready   BLOCKED/EMBRYO/SUSPENDED -> READY (enqueue)
 *   schedule           READY -> RUNNING (pick_next, then switch)
 *   sched_yield        RUNNING -> READY (the timer's preemption, or yield())
 *   sched_block        RUNNING -> BLOCKED / SUSPENDED / ZOMBIE
 *
 * There is no scheduler thread: the process giving up the CPU picks its
 * successor and switches straight to it (one swtch per switch). When no
 * process is ready, this CPU's idle process runs and halts the CPU.
 *
 * Every CPU runs this code. A CPU picks from its own queue; with nothing
 * there, it steals from the busiest CPU; a process becoming READY goes to
 * the least loaded CPU it may use (its affinity), and if that CPU should
 * switch to it (idle, or the policy says it preempts) the CPU is told:
 * need_resched, and an IPI if it is another CPU.
 *
 * Preemption is asked for, never done on the spot: the timer
 * (policy->tick) or a wakeup (policy->preempts) sets need_resched, and the
 * switch happens at the end of the trap, on the way back to user mode
 * (sched_trap_exit). The kernel itself is never preempted: it runs with
 * interrupts on (no tick is lost), but a process in a system call keeps
 * its CPU until it blocks, yields or returns. docs/scheduler.md walks
 * through one timer tick.
 *
 * At each move the core tells the statistics (schedstats.h: ticks, times
 * scheduled, time ready, first run, exit) and the scheduling trace
 * (schedtrace.c), one call each; what they record is their business.
 */
#include "proc/sched.h"

#include "arch/arch.h"
#include "core/clock.h"
#include "core/cmdline.h"
#include "core/kprintf.h"
#include "core/panic.h"
#include "lib/string.h"
#include "proc/mutex.h"
#include "proc/proc.h"
#include "proc/schedstats.h"
#include "proc/schedtrace.h"
#include "proc/signal.h"
#include "proc/waitq.h"

BOOT_PARAM(sched, "scheduling policy: rr (default), prio, mlfq, lottery, stride, cfs");

struct spinlock sched_lock = SPINLOCK_INIT("sched", LOCK_RANK_SCHED);
static const struct sched_policy *policy;

extern const struct sched_policy *const __sched_policies_start[];
extern const struct sched_policy *const __sched_policies_end[];

static const struct sched_policy *find_policy(const char *name)
{
    for (const struct sched_policy *const *p = __sched_policies_start; p < __sched_policies_end; p++)
        if (strcmp((*p)->name, name) == 0)
            return *p;
    return 0;
}

/* This CPU runs idle and nothing else yet; sched_lock held or not needed. */
static void start_cpu(struct cpu *c, struct proc *idle)
{
    idle->sched.cpu = c->id;
    idle->sched.ran_on = c->id;
    idle->sched.affinity = 1u << c->id;
    idle->state = PROC_RUNNING;
    c->idle = idle;
    c->proc = idle;
}

void sched_init(struct proc *idle)
{
    const char *name = cmdline_get("sched");
    policy = find_policy(name && *name ? name : "rr");
    if (!policy) {
        kprintf("sched: unknown policy '%s'; known policies:", name);
        for (const struct sched_policy *const *p = __sched_policies_start; p < __sched_policies_end; p++)
            kprintf(" %s", (*p)->name);
        kprintf("; using rr\n");
        policy = find_policy("rr");
    }
    ASSERT(policy);
    kprintf("sched: policy %s\n", policy->name);
    policy->init();
    for (int i = 0; i < NCPU; i++)
        list_init(&cpus[i].ready);
    start_cpu(this_cpu(), idle);
}

void sched_init_cpu(struct proc *idle)
{
    spin_lock(&sched_lock);
    start_cpu(this_cpu(), idle);
    spin_unlock(&sched_lock);
}

const struct sched_policy *sched_policy(void)
{
    return policy;
}

unsigned int sched_cpus_up_mask(void)
{
    return ncpu >= 32 ? ~0u : (1u << ncpu) - 1;
}

/* Asks CPU c to switch at the end of its current trap; sched_lock held.
 * Another CPU is interrupted (an IPI) so that it notices now: its trap
 * exit, or its idle loop, then finds need_resched. */
static void request_resched(struct cpu *c, enum sched_event_kind why)
{
    c->resched_why = (int)why;
    if (c->need_resched)
        return;                         /* already asked (and told) */
    c->need_resched = true;
    if (c != this_cpu())
        arch_send_resched(c->id);
}

void sched_kick(struct proc *p)
{
    ASSERT(spin_holding(&sched_lock));
    if (p->state == PROC_RUNNING && p->sched.cpu != this_cpu()->id)
        arch_send_resched(p->sched.cpu);
}

/* p, on no queue, will queue on CPU cpu (a policy with per-CPU clocks
 * rebases p's key: migrate). */
static void move_to(struct proc *p, int cpu)
{
    if (cpu == p->sched.cpu)
        return;
    if (policy->migrate)
        policy->migrate(p, p->sched.cpu, cpu);
    p->sched.cpu = cpu;
}

/* p joins the queue of CPU p->sched.cpu: the policy's, and the core's
 * count and list of what is queued there. Those serve placement and
 * stealing only, so with one CPU the core keeps neither. */
static void enqueue(struct proc *p)
{
    policy->enqueue(p);
    if (ncpu > 1) {
        cpus[p->sched.cpu].nready++;
        list_push_back(&cpus[p->sched.cpu].ready, &p->sched.cpu_node);
    }
}

/* p left its CPU's queue (picked, or dequeued by the core). */
static void unqueue(struct proc *p)
{
    if (ncpu > 1) {
        cpus[p->sched.cpu].nready--;
        list_unlink(&p->sched.cpu_node);
    }
}

// LAB smp BEGIN
/* CPU id's load for placing p: the processes queued there, and the one
 * it runs unless that is idle or p itself (a process that yields does not
 * count against its own CPU). */
static int cpu_load(int id, const struct proc *p)
{
    const struct cpu *c = &cpus[id];
    return c->nready + (c->proc != c->idle && c->proc != p);
}

/* The least loaded CPU p may use, among several; ties go to the CPU it
 * used last (its cache may still hold it), then to the lowest id. */
static int choose_among(const struct proc *p)
{
    unsigned int allowed = p->sched.affinity & sched_cpus_up_mask();
    int best = allowed & (1u << p->sched.cpu) ? p->sched.cpu : -1;
    int best_load = best >= 0 ? cpu_load(best, p) : NPROC + 1;     /* more than any */
    for (int i = 0; i < ncpu && best_load > 0; i++) {
        if (!(allowed & (1u << i)) || i == best)
            continue;
        int load = cpu_load(i, p);
        if (load < best_load) {
            best = i;
            best_load = load;
        }
    }
    ASSERT(best >= 0);                  /* setaffinity never leaves the mask empty */
    return best;
}

/* The busiest other CPU with a process to spare (more than one queued,
 * or one queued while it runs something else), or NULL. */
static struct cpu *busiest_other(const struct cpu *thief)
{
    struct cpu *victim = 0;
    for (int i = 0; i < ncpu; i++) {
        struct cpu *c = &cpus[i];
        bool spare = c->nready > 1 || (c->nready == 1 && c->proc != c->idle);
        if (c != thief && spare && (!victim || c->nready > victim->nready))
            victim = c;
    }
    return victim;
}

/* A CPU with nothing queued takes, from the busiest other CPU, the
 * process that has waited there longest among those its affinity lets
 * run here. It moves by dequeue there and enqueue here, so the thief's
 * policy state (pass, vruntime) applies; the other processes queued there
 * keep their order. */
static struct proc *steal(struct cpu *thief)
{
    struct cpu *victim = busiest_other(thief);
    if (!victim)
        return 0;
    list_for_each(n, &victim->ready) {
        struct proc *p = list_entry(n, struct proc, sched.cpu_node);
        if (p->sched.affinity & (1u << thief->id)) {
            policy->dequeue(p);
            unqueue(p);
            move_to(p, thief->id);
            enqueue(p);
            return policy->pick_next(thief->id);
        }
    }
    return 0;
}
// LAB smp END

/* Chooses where p queues. With one CPU there is nothing to choose. */
static inline void place(struct proc *p)
{
    if (ncpu > 1)
        move_to(p, choose_among(p));
}

/* p was just enqueued: should its CPU switch to it? An idle CPU always
 * should; a busy one if the policy says p preempts what runs there. */
static inline void check_preempt(struct proc *p)
{
    struct cpu *c = &cpus[p->sched.cpu];
    if (p == c->proc)
        return;
    if (c->proc == c->idle || policy->preempts(p, c->proc))
        request_resched(c, SCHED_EV_WOKEN);
}

void sched_make_ready(struct proc *p)
{
    ASSERT(spin_holding(&sched_lock));
    bool created = p->state == PROC_EMBRYO;
    if (p->suspended && !p->killed) {
        p->state = PROC_SUSPENDED;      /* held: never on the ready queue */
        return;
    }
    p->state = PROC_READY;
    schedstats_ready(p);
    place(p);
    enqueue(p);
    struct proc *running = current_proc();
    if (p != running) {                 /* a wakeup, not a yield or preemption */
        sched_trace(created ? SCHED_EV_NEW : SCHED_EV_READY, running->pid, p->pid, p->sched.cpu);
        check_preempt(p);
    } else if (ncpu > 1) {
        check_preempt(p);               /* a yielder may land on an idle CPU */
    }
}

void sched_remove_ready(struct proc *p)
{
    ASSERT(spin_holding(&sched_lock) && p->state == PROC_READY);
    policy->dequeue(p);
    unqueue(p);
    schedstats_unready(p);
}

void sched_fork(struct proc *parent, struct proc *child)
{
    ASSERT(spin_holding(&sched_lock));
    child->sched.static_prio = parent ? parent->sched.static_prio : SCHED_PRIO_DEFAULT;
    child->sched.eff_prio = child->sched.static_prio;  /* it holds no mutex yet */
    child->sched.tickets = parent ? parent->sched.tickets : SCHED_TICKETS_DEFAULT;
    child->sched.affinity = parent ? parent->sched.affinity : ~0u;
    child->sched.cpu = parent ? parent->sched.cpu : 0;
    child->sched.ran_on = -1;
    list_node_init(&child->sched.run_node);
    list_node_init(&child->sched.all_node);
    list_node_init(&child->sched.cpu_node);
    child->sched.heap_index = -1;
    policy->fork(parent, child);
}

void sched_exit(struct proc *p)
{
    ASSERT(spin_holding(&sched_lock));
    schedstats_exit(p);
    policy->exit(p);
}

/* A READY p leaves its queue and joins the one place() chooses (maybe the
 * same), so that the policy files it under its new attributes. */
static void requeue(struct proc *p)
{
    policy->dequeue(p);
    unqueue(p);
    place(p);
    enqueue(p);
    check_preempt(p);
}

/* Sets one of p's scheduling attributes. A READY process leaves and
 * rejoins its queue, so that the policy files it under the new value (and
 * it may now preempt the running process); a running process that changes
 * its own yields at the end of the system call, so that a lower priority
 * takes effect at once. */
static void change_attr(struct proc *p, int *attr, int value)
{
    ASSERT(spin_holding(&sched_lock));
    *attr = value;
    if (p->state == PROC_READY)
        requeue(p);
    else if (p == current_proc())
        request_resched(this_cpu(), SCHED_EV_YIELDED);
}

void sched_set_prio(struct proc *p, int prio)
{
    p->sched.static_prio = prio;
    mutex_priority_changed(p);          /* eff_prio, with what is donated to p */
}

void sched_set_eff_prio(struct proc *p, int prio)
{
    if (p->sched.eff_prio != prio)
        change_attr(p, &p->sched.eff_prio, prio);
}

void sched_set_tickets(struct proc *p, int tickets)
{
    change_attr(p, &p->sched.tickets, tickets);
}

void sched_set_affinity(struct proc *p, unsigned int mask)
{
    ASSERT(spin_holding(&sched_lock) && mask != 0);
    p->sched.affinity = mask;
    bool allowed_here = mask & (1u << p->sched.cpu);
    if (p->state == PROC_READY && !allowed_here)
        requeue(p);
    else if (p->state == PROC_RUNNING && !allowed_here)
        request_resched(&cpus[p->sched.cpu], SCHED_EV_YIELDED);  /* it moves as it yields */
}

static struct proc *pick_next(struct cpu *c)
{
    struct proc *p = policy->pick_next(c->id);
    if (!p && ncpu > 1)
        p = steal(c);
    if (p)
        unqueue(p);
    return p;
}

/* Switches from the current process (whose state the caller has already
 * changed) to the next one the policy picks, or to idle. `why` says why
 * the current process stops, for the trace.
 *
 * sched_lock is held across the switch and released by the process
 * switched to: from the moment prev became READY (or BLOCKED) until its
 * registers are saved in swtch, no other CPU can take the lock, so none
 * can pick prev while it is still running here. */
static void schedule(enum sched_event_kind why)
{
    struct cpu *c = this_cpu();
    ASSERT(!arch_irq_enabled() && c->nheld == 1 && c->held[0] == &sched_lock);
    struct proc *prev = c->proc, *next = pick_next(c);
    ASSERT(*prev->magic == PROC_MAGIC); /* its kernel stack did not overflow */
    if (next)
        schedstats_picked(next);
    else
        next = c->idle;
    next->sched.slice_ticks = 0;        /* a fresh quantum */
    next->state = PROC_RUNNING;         /* (its sched.cpu is c: it was queued here) */
    next->sched.ran_on = c->id;
    c->need_resched = false;
    if (next == prev)
        return;
    sched_trace_switch(why, prev, next);
    c->proc = next;
    bool irq_were_on = c->irq_were_on;  /* belongs to this thread, not the CPU */
    arch_switch(prev, next);
    this_cpu()->irq_were_on = irq_were_on;  /* maybe another CPU by now */
}

void sched_block(enum proc_state s)
{
    ASSERT(spin_holding(&sched_lock));
    struct proc *p = current_proc();
    p->state = s;
    schedule(s == PROC_ZOMBIE ? SCHED_EV_EXITED
             : s == PROC_SUSPENDED ? SCHED_EV_SUSPENDED : SCHED_EV_BLOCKED);
}

static void yield_locked(enum sched_event_kind why)
{
    struct proc *p = current_proc();
    if (p == this_cpu()->idle)
        return;
    sched_make_ready(p);
    schedule(why);
}

void sched_yield(void)
{
    spin_lock(&sched_lock);
    yield_locked(SCHED_EV_YIELDED);
    spin_unlock(&sched_lock);
}

int sched_preempt_point(void)
{
    ASSERT(this_cpu()->irq_depth == 0);
    struct proc *p = current_proc();
    if (this_cpu()->need_resched && !p->killed) {   /* the common case: no */
        spin_lock(&sched_lock);
        if (this_cpu()->need_resched)
            yield_locked((enum sched_event_kind)this_cpu()->resched_why);
        spin_unlock(&sched_lock);
    }
    return p->killed ? -1 : 0;
}

void sched_clock_tick(void)
{
    spin_lock(&sched_lock);
    struct cpu *c = this_cpu();
    if (c == &cpus[0]) {
        sleep_wake_due(clock_ticks());  /* one clock for the sleepers */
        if (signal_nalarms)
            signal_clock(clock_ticks());    /* and for the alarms */
    }
    struct proc *p = c->proc;
    c->ticks++;
    if (p != c->idle) {
        c->busy_ticks++;
        schedstats_tick(p);
        p->sched.slice_ticks++;
        if (policy->tick(p)) {
            c->need_resched = true;     /* this CPU: no IPI needed */
            c->resched_why = SCHED_EV_PREEMPTED;
        }
    }
    spin_unlock(&sched_lock);
}

/* What p must do before it returns to user mode, in order: die, stop,
 * take a signal, be preempted; until nothing is left. Entered and left
 * with interrupts off (see sched_trap_exit). Out of line: the common
 * way out of a system call never comes here. */
static __attribute__((noinline)) void trap_exit_work(struct trapframe *tf, struct proc *p)
{
    do {
        arch_irq_enable();
        if (p->killed)
            proc_exit(-1);
        if (p->signalled && !p->suspended) {
            signal_deliver(tf);
        } else {
            spin_lock(&sched_lock);
            struct cpu *c = this_cpu();     /* p stays here until it switches below */
            if (p->suspended && !p->killed) {
                proc_stopping(p);
                sched_block(PROC_SUSPENDED);    /* suspended itself, or while running */
            }
            else if (c->need_resched) {
                sched_make_ready(p);        /* a user process: never idle */
                schedule((enum sched_event_kind)c->resched_why);
            }
            spin_unlock(&sched_lock);
        }
        arch_irq_disable();
    } while (p->trap_work || this_cpu()->need_resched);
}

/* Must p stop before it returns to user mode? need_resched is set under
 * sched_lock by this CPU (a tick, a wakeup in this system call) or by
 * another CPU that then sends an IPI; killed, suspended and signalled
 * likewise (sched_kick), and those three are tested as one word
 * (trap_work): this is every system call's way out, kept to a few
 * instructions. Checked with interrupts off: a flag set just after the
 * check comes with an interrupt that is taken right after iret, and
 * checked again on that trap's way out. */
void sched_trap_exit(struct trapframe *tf)
{
    if (!arch_from_user(tf))
        return;                         /* the kernel itself is not preempted */
    arch_irq_disable();
    struct cpu *c = this_cpu();
    struct proc *p = c->proc;
    if (p->trap_work || c->need_resched)
        trap_exit_work(tf, p);
}                                       /* to user mode; iret turns interrupts on */

void sched_cpu_load(struct cpu_load *load, int n)
{
    spin_lock(&sched_lock);
    for (int i = 0; i < n && i < ncpu; i++) {
        const struct cpu *c = &cpus[i];
        load[i] = (struct cpu_load){
            .ticks = c->ticks,
            .busy = c->busy_ticks,
            /* The core counts per CPU only with several (placement);
             * with one, every READY process is queued on CPU 0. */
            .ready = ncpu > 1 ? (unsigned int)c->nready : proc_count_ready(),
            .running = c->proc == c->idle ? 0 : c->proc->pid,
        };
    }
    spin_unlock(&sched_lock);
}

void sched_idle_loop(void)
{
    arch_irq_disable();
    for (;;) {
        spin_lock(&sched_lock);
        schedule(SCHED_EV_YIELDED);     /* returns when nothing is ready */
        spin_unlock(&sched_lock);
        arch_idle();                    /* sti; hlt: wakes at an interrupt */
        arch_irq_disable();
    }
}
