/*
 * The scheduler core: the only code that moves processes between READY
 * and RUNNING. It keeps the time accounting, the idle process and the
 * timer hook, and asks a *policy* which ready process runs next. The core
 * knows nothing of any policy; a policy knows nothing of switching.
 *
 * Every CPU schedules. Each has its own ready queue (the policy keeps one
 * per CPU, indexed by p->sched.cpu), its own idle process and its own
 * timer; new processes go to the least loaded CPU, a CPU with nothing to
 * run steals from the busiest, and a wakeup that should preempt another
 * CPU sends it an IPI (docs/scheduler.md, "Several CPUs").
 *
 * sched_lock guards every process's scheduling state (struct proc marks
 * those fields), every CPU's queue and scheduling fields (core/cpu.h),
 * every wait queue and the sleep list. One lock for all CPUs: coarse, so
 * CPUs contend for it at every switch, but a switch can never race with
 * another CPU picking the process that is switching out (the lock is
 * held from before prev is queued until its registers are saved:
 * docs/concurrency.md, "One switch, several CPUs").
 */
#ifndef PROC_SCHED_H
#define PROC_SCHED_H

#include <stdbool.h>

#include "abi/procinfo.h"
#include "core/spinlock.h"

struct proc;
struct trapframe;

/*
 * A scheduling policy. Every operation is called with sched_lock held.
 * A policy keeps one ready queue per CPU (NCPU of them): enqueue and
 * dequeue use the queue of CPU p->sched.cpu, which the core sets (and
 * changes only while p is off every queue); pick_next is asked for one
 * CPU's queue. The core moves processes between CPUs (placement,
 * stealing, affinity) by dequeue and enqueue, so a policy's guarantees
 * hold per CPU (docs/scheduler.md says which, for each policy).
 * A new policy is one file defining one of these plus one SCHED_POLICY()
 * line; the boot option sched=NAME picks it (docs/scheduler.md).
 *
 * A policy may use the fields of p->sched (struct sched_fields in
 * proc/proc.h); it reads p->sched.eff_prio (setpriority()'s static_prio,
 * raised while p holds a mutex that a more important process waits for)
 * and p->sched.tickets, which the core, the mutexes and
 * setpriority()/settickets() keep, and sets
 * p->sched.priority, which getprocs reports.
 */
struct sched_policy {
    const char *name;
    /* Once at boot, before any process exists: every CPU's queue. */
    void (*init)(void);
    /* p became READY: put it on CPU p->sched.cpu's ready queue. */
    void (*enqueue)(struct proc *p);
    /* p is READY but must leave the queue (suspended or killed). */
    void (*dequeue)(struct proc *p);
    /* Remove and return the next process to run on CPU `cpu`, from its
     * queue, or NULL if none is ready there. Must be O(1) or O(log n): it
     * runs at every switch. */
    struct proc *(*pick_next)(int cpu);
    /* A timer tick while p runs (on CPU p->sched.cpu); return true to
     * preempt p. */
    bool (*tick)(struct proc *p);
    /* p just became READY (already enqueued) on the CPU where `running`
     * runs: return true if p must take the CPU now rather than at
     * running's next tick.
     * (Added for prio: "a process always runs before any of lower
     * priority" also at wakeup; docs/scheduler.md.) */
    bool (*preempts)(struct proc *p, struct proc *running);
    /* child was forked from parent (inherit tickets, priority...). parent
     * is NULL for the first process. The child is not yet READY. */
    void (*fork)(struct proc *parent, struct proc *child);
    /* p is exiting (it is not on the ready queue). */
    void (*exit)(struct proc *p);
    /* Optional (NULL: nothing to do). p, on no queue, moves from CPU
     * `from`'s queue to CPU `to`'s: a policy whose keys are relative to
     * one CPU's clock (stride's pass, cfs's vruntime) rebases them, or
     * p would wait (or jump) by the difference between the two clocks. */
    void (*migrate)(struct proc *p, int from, int to);
};

/* Registers a policy (in the .sched_policies section). Host unit tests
 * (HOST_TEST) get a global pointer named sched_policy_ptr_VAR instead. */
#ifdef HOST_TEST
#define SCHED_POLICY(var) const struct sched_policy *const sched_policy_ptr_##var = &var
#else
#define SCHED_POLICY(var)                                                    \
    static const struct sched_policy *const sched_policy_ptr_##var          \
        __attribute__((used, section(".sched_policies"), aligned(4))) = &var
#endif

/* The attributes user programs set, and their ranges. */
#define SCHED_PRIO_MIN 0
#define SCHED_PRIO_MAX 31
#define SCHED_PRIO_DEFAULT 16       /* setpriority(): larger is more important */
#define SCHED_TICKETS_DEFAULT 1     /* settickets() */
#define SCHED_TICKETS_MAX 1000000   /* keeps the sum of all tickets in 32 bits */

extern struct spinlock sched_lock;

/* Chooses the policy named by sched= and sets up every CPU's queue and
 * the boot CPU's idle process. */
void sched_init(struct proc *idle);
/* An application processor joins: idle is its idle process (the thread
 * calling this, on its boot stack). */
void sched_init_cpu(struct proc *idle);
const struct sched_policy *sched_policy(void);

/* With sched_lock held: */
void sched_make_ready(struct proc *p);              /* -> READY, enqueue */
void sched_block(enum proc_state s);                /* current -> s, switch away */
void sched_remove_ready(struct proc *p);            /* READY -> off the queue */
/* A new process (parent NULL for the first): inherits the parent's
 * priority and tickets, then the policy's fork hook. */
void sched_fork(struct proc *parent, struct proc *child);
/* p is exiting: records its exit tick, then the policy's exit hook. */
void sched_exit(struct proc *p);
/* setpriority()/settickets(): change p's attribute and requeue it. If p
 * is the caller, it yields at the end of the system call. */
void sched_set_prio(struct proc *p, int prio);
/* Priority donation (proc/mutex.c): p's effective priority, what prio and
 * cfs schedule by, becomes prio; requeued as sched_set_prio. */
void sched_set_eff_prio(struct proc *p, int prio);
void sched_set_tickets(struct proc *p, int tickets);
/* setaffinity(): p may run only on the CPUs in mask (checked by the
 * caller: not empty, only CPUs that are up). A READY p moves to a queue
 * it may use; a RUNNING p on a CPU it may not use is rescheduled there. */
void sched_set_affinity(struct proc *p, unsigned int mask);
/* Every CPU that is up, as an affinity mask. */
unsigned int sched_cpus_up_mask(void);

/* What one CPU does, for sysinfo, ps -s and Ctrl-P: its timer's ticks,
 * those that found it busy (not idle), the processes queued on it, and
 * the pid it runs (0: idle). */
struct cpu_load {
    unsigned int ticks;
    unsigned int busy;
    unsigned int ready;
    int running;
};
/* Fills load[0 .. min(n, ncpu) - 1]; takes sched_lock. */
void sched_cpu_load(struct cpu_load *load, int n);
/* p's killed or suspended flag was just set: if it runs on another CPU,
 * interrupt that CPU so p notices at once (at its trap exit). */
void sched_kick(struct proc *p);

void sched_yield(void);                             /* RUNNING -> READY */
/* A voluntary switch point for long loops in system calls: the kernel is
 * not preempted (interrupts are on, so no tick is lost, but a process in
 * the kernel keeps its CPU until it blocks or returns), so a loop that may
 * run for many ticks yields here if the clock asked, and learns that the
 * process has been killed (-1: the loop should stop; it dies on its way
 * out). Call it holding no lock. */
int sched_preempt_point(void);
/* From each CPU's timer interrupt (the boot CPU's also wakes sleepers). */
void sched_clock_tick(void);
/* At the end of every trap: switches if a higher need arose. */
void sched_trap_exit(struct trapframe *tf);
/* The idle process's loop: halts until something is ready. */
void sched_idle_loop(void) __attribute__((noreturn));

#endif
