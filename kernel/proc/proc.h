/*
 * Processes: the process control block (struct proc), the process table,
 * and the process API's kernel side (fork, exit, wait, kill, suspend,
 * resume).
 *
 * A process is a running program: an address space (struct addrspace),
 * registers (the user trapframe, the kernel context, the FPU state), open
 * files, and the bookkeeping below. The process table is a fixed array of
 * NPROC slots; free slots sit on a free list, live ones are found by pid
 * through a hash, so nothing on a hot path scans the table.
 *
 * State transitions (docs/processes.md draws them):
 *
 *   UNUSED -> EMBRYO            proc_alloc (fork, or the first process)
 *   EMBRYO -> READY             the new process is complete
 *   READY -> RUNNING            the scheduler picks it
 *   RUNNING -> READY            preempted by the timer, by a process that
 *                                 wakes and the policy says outranks it
 *                                 (preempts), or yield()
 *   RUNNING -> BLOCKED          waits: a child, a tick, a pipe, input
 *   BLOCKED -> READY            its event happened (or it was killed)
 *   READY/RUNNING -> SUSPENDED  suspend(); BLOCKED stays BLOCKED, but with
 *   BLOCKED -> SUSPENDED          `suspended` set its wakeup lands here
 *   SUSPENDED -> READY          resume(), or kill() (it must run to die)
 *   RUNNING -> ZOMBIE           exit(), or killed at its next trap
 *   ZOMBIE -> UNUSED            the parent's wait() reaps it
 */
#ifndef PROC_PROC_H
#define PROC_PROC_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/procinfo.h"
#include "abi/signal.h"
#include "abi/stat.h"
#include "arch/arch.h"
#include "core/cpu.h"
#include "core/spinlock.h"
#include "lib/list.h"
#include "proc/waitq.h"

#ifndef NPROC
#define NPROC 64                /* build option: make NPROC=1024 */
#endif
#define NOFILE 16               /* open files per process */
#define PROC_NAME_LEN 16
#define KSTACK_SIZE 4096
#define PROC_MAGIC 0x50524F43u  /* "PROC": at the stack's far end, checks overflow */

struct addrspace;
struct file;
struct inode;
struct trapframe;

/*
 * A process's scheduling state; all of it guarded by sched_lock.
 * The first group belongs to the core (proc/sched.c) and the system calls
 * that set priorities and tickets: policies read it. The rest belongs to
 * the policies: each uses the fields it needs and the core never
 * interprets them (a new policy adds its fields here).
 */
struct sched_fields {
    /* Kept by the core; read by policies. */
    int static_prio;            /* setpriority(): 0..31, larger is more important */
    int eff_prio;               /* the priority to schedule by: static_prio, or more
                                 * while a process of higher priority waits for a
                                 * mutex it holds (donation, proc/mutex.c) */
    int tickets;                /* settickets(): >= 1 */
    uint32_t slice_ticks;       /* ticks used since it was last picked */
    unsigned int affinity;      /* setaffinity(): bit i = may run on CPU i */
    int cpu;                    /* the CPU whose queue holds it, or that runs
                                 * it, or that last ran it */
    int ran_on;                 /* the CPU that runs it or last ran it; -1: never ran */
    struct list_node cpu_node;  /* in cpus[cpu].ready while READY */

    /* Owned by the policy. */
    int priority;               /* what getprocs reports (the policy's number) */
    struct list_node run_node;  /* on the policy's ready queue */
    struct list_node all_node;  /* mlfq: on its list of every process */
    int level;                  /* prio, mlfq: the queue it is on (0 = lowest) */
    uint32_t level_ticks;       /* mlfq: ticks used of this level's allotment */
    int queued_tickets;         /* lottery: tickets counted while queued */
    uint64_t pass;              /* stride: virtual time used */
    uint64_t vruntime;          /* cfs: weighted ticks used */
    int heap_index;             /* stride, cfs: place in the run heap */
    uint32_t heap_seq;          /* stride, cfs: arrival order in the run heap */
};

struct proc {
    /* Set at creation, then constant until the slot is freed:
     * readable without a lock by anyone holding a reference. */
    int pid;
    char name[PROC_NAME_LEN];   /* the program's name (exec sets it) */
    uint32_t start_tick;
    void *kstack;               /* KSTACK_SIZE bytes: its slot's, above a guard page */
    struct trapframe *tf;       /* the user registers, top of kstack */

    /* Guarded by sched_lock (proc/sched.h). */
    enum proc_state state;
    union {                     /* sched_trap_exit tests the three at once */
        uint32_t trap_work;     /* nonzero: something to do before user mode */
        struct {
            bool suspended;     /* suspend() or a stop signal holds it (even
                                 * while blocked) */
            bool killed;        /* dies at its next trap or wakeup */
            bool signalled;     /* a signal is deliverable: pending, not blocked */
        };
    };
    struct proc *parent;
    struct list children;       /* its children, live and zombie */
    struct list_node sibling;   /* in parent->children */
    struct waitq child_exit;    /* wait() blocks here */
    int exit_status;
    struct waitq *blocked_on;   /* the queue it sleeps on, if any */
    struct list_node wait_node; /* in blocked_on's list */
    struct mutex *waiting_for;  /* the mutex it blocks on in mutex_lock, if any */
    uint32_t wake_tick;         /* timed sleep: when to wake */
    struct list_node sleep_node;/* in the sleep list, sorted by wake_tick */
    struct sched_fields sched;
    uint32_t ticks;             /* CPU ticks used */
    uint32_t nscheduled;        /* times picked to run */
    uint32_t ready_ticks;       /* ticks spent ready, not running */
    uint32_t ready_since;       /* tick it last became ready */
    uint32_t first_run_tick;    /* tick it first ran (once nscheduled > 0) */
    uint32_t exit_tick;         /* tick it exited (once ZOMBIE) */
    struct proc *hash_next;     /* pid hash chain */
    struct list_node free_node; /* in the free list while UNUSED */

    /* The process's machine state. Only the process itself touches these
     * while it runs; others only while it cannot run (EMBRYO, ZOMBIE).
     * `as` is also read, and its pages counted, by other CPUs under
     * sched_lock (the out-of-memory killer): it changes only under
     * sched_lock (proc_swap_as). */
    struct context *context;    /* saved kernel registers (swtch) */
    struct addrspace *as;       /* its memory */
    struct file *files[NOFILE]; /* open files, by fd */
    struct inode *cwd;          /* working directory (a reference); NULL: the root */
    uint32_t *magic;            /* at the bottom of kstack: PROC_MAGIC */

    /* Signals (proc/signal.c); guarded by sched_lock. */
    uint32_t sig_pending;       /* sent, not yet delivered: bit n is signal n */
    uint32_t sig_blocked;       /* not delivered now: bit n while n's handler runs */
    uint32_t sig_handler[NSIG]; /* SIG_DFL (0), SIG_IGN (1), or the user's handler */
    uint32_t sig_trampoline;    /* where handlers return to (the library's sigreturn) */
    bool sig_changed;           /* a disposition was set: fork and exec must look */
    int term_sig;               /* the signal that ended it; 0: it exited */
    int stop_report;            /* stopped by this signal, not yet told to waitpid */
    bool cont_report;           /* continued, not yet told to waitpid */
    int pgid;                   /* its process group */
    uint32_t alarm_tick;        /* alarm(): SIGALRM at this tick; 0: none */
    struct list_node alarm_node;/* in the alarm list, sorted by alarm_tick */

    /* More machine state, under the same rule, last because proc_alloc
     * does not clear them (a third of the struct, on every fork): every
     * creator writes them whole (fork copies the parent's; the first
     * process and kernel tasks set their own). */
    char cwd_path[MAXPATH];     /* the working directory's absolute path, as chdir resolved it */
    struct fpu_state fpu;       /* saved x87/SSE registers */
};

/* The process running on this CPU (the idle process when none). */
static inline struct proc *current_proc(void)
{
    return this_cpu()->proc;
}

void proc_init(void);
/* An application processor's boot thread, on `stack`, becomes its idle
 * process and schedules. */
void proc_idle_cpu(void *stack) __attribute__((noreturn));
/* Starts the first user process: /bin/init with argv. Panics if it cannot. */
void proc_start_init(char **argv);

/* The process API, kernel side. Each returns -1 on failure. */
int proc_fork(void);
void proc_exit(int status) __attribute__((noreturn));
int proc_wait(int *status_out);
/* waitpid(): pid > 0 that child, -1 any, 0 the caller's group, < -1 the
 * group -pid; WNOHANG, WUNTRACED, WCONTINUED (abi/wait.h). Stores the
 * encoded status; 0 (WNOHANG, nothing to report) or the child's pid. */
int proc_waitpid(int pid, int *status_out, int options);
int proc_suspend(int pid);
int proc_resume(int pid);

/* For proc/signal.c, with sched_lock held: */
/* The target of a signal: live, not a zombie nor an embryo; or NULL. */
struct proc *proc_find_target(int pid);
/* Marks p killed (by sig) and makes it run to die. */
void proc_kill_locked(struct proc *p, int sig);
/* Stops p (sig: SIGSTOP, SIGTSTP, or 0 for suspend()); false if the
 * current process may not (proc_may_suspend). */
bool proc_stop_locked(struct proc *p, int sig);
/* p, running, stops now (at its trap exit): its parent may be waiting in
 * waitpid(WUNTRACED), which reports a stop only once p no longer runs. */
void proc_stopping(struct proc *p);
/* Continues a stopped p; false if it was not stopped. */
bool proc_continue_locked(struct proc *p);
/* May the current process stop p? Not a dying process, nor one of its
 * own ancestors (docs/processes.md). */
bool proc_may_suspend(const struct proc *p);
/* Wakes p if it is blocked (a signal it must act on). */
void proc_interrupt_sleep(struct proc *p);
/* Calls fn(p, arg) for every live process of group pgid; the count. */
int proc_for_each_in_group(int pgid, void (*fn)(struct proc *p, void *arg), void *arg);

/* setfg(): the console's Ctrl-C, Ctrl-\ and Ctrl-Z signal this group. */
void proc_set_foreground(int pgid);
/* From the console: sends sig to the foreground group. */
void proc_signal_foreground(int sig);

/* Gives p the address space as (NULL at exit) and returns the old one,
 * which no other CPU is looking into any more: the caller may free it. */
struct addrspace *proc_swap_as(struct proc *p, struct addrspace *as);
/* Looks up a live (not UNUSED) process; caller holds sched_lock. */
struct proc *proc_find(int pid);
/* Is p the first process? Others may not kill, suspend or reprioritise it. */
bool proc_is_init(const struct proc *p);
/*
 * Memory ran out at a fault of the current process. The victim is the
 * process holding the most user pages, never init (docs/memory.md). If
 * that is another process, it is killed (with a one-line report), the
 * caller waits a tick for it to die, and true says: retry the fault. False:
 * the caller is the victim, and dies of its fault.
 */
bool proc_reclaim_memory(void);
/* A user fault: the process gets signal sig if it catches it (and
 * returns, so the handler runs at the trap's exit); otherwise it is
 * killed with a one-line report. The one place a user fault ends. */
void proc_fault(struct trapframe *tf, int sig, const char *what, uint32_t addr);
/* The same for faults no handler can take: always killed. */
void proc_fault_fatal(struct trapframe *tf, int sig, const char *what, uint32_t addr)
    __attribute__((noreturn));
/* getprocs: copies one record per slot in use (at most max) to user
 * memory at ubuf; returns the count, or -1 for a bad buffer. */
int proc_getprocs(uint32_t ubuf, int max);
/* getpinfo: fills the struct pstat at ubuf; 0, or -1 for a bad buffer. */
int proc_getpinfo(uint32_t ubuf);
void proc_dump(void);
/* A process that runs fn in the kernel and never enters user mode, for a
 * kernel self-test that needs a process of its own (test=stackoverflow);
 * at most one per boot. false if the table is full. */
bool proc_start_kernel_task(const char *name, void (*fn)(void));
unsigned proc_count(void);
/* READY processes in the table; sched_lock held. */
unsigned proc_count_ready(void);
const char *proc_state_name(enum proc_state s);

#endif
