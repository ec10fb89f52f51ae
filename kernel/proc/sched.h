/*
 * The scheduler core: the only code that moves processes between READY
 * and RUNNING. It keeps the time accounting, the idle process and the
 * timer hook, and asks a *policy* which ready process runs next. The core
 * knows nothing of any policy; a policy knows nothing of switching.
 *
 * sched_lock guards every process's scheduling state (struct proc marks
 * those fields), the policy's queues, every wait queue and the sleep list.
 * One lock, taken with interrupts off: coarse, but simple to reason about.
 * Only the boot CPU schedules for now (the other CPUs park at boot), and
 * the per-CPU state this core keeps is not yet safe for more.
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
 * A new policy is one file defining one of these plus one SCHED_POLICY()
 * line; the boot option sched=NAME picks it (docs/scheduler.md).
 *
 * A policy may use the fields of p->sched (struct sched_fields in
 * proc/proc.h); it reads p->sched.static_prio and p->sched.tickets, which
 * the core and setpriority()/settickets() keep, and sets
 * p->sched.priority, which getprocs reports.
 */
struct sched_policy {
    const char *name;
    /* Once at boot, before any process exists. */
    void (*init)(void);
    /* p became READY: put it on the ready queue. */
    void (*enqueue)(struct proc *p);
    /* p is READY but must leave the queue (suspended or killed). */
    void (*dequeue)(struct proc *p);
    /* Remove and return the next process to run, or NULL if none is ready.
     * Must be O(1) or O(log n): it runs at every switch. */
    struct proc *(*pick_next)(void);
    /* A timer tick while p runs; return true to preempt p. */
    bool (*tick)(struct proc *p);
    /* p just became READY (already enqueued) while `running` runs: return
     * true if p must take the CPU now rather than at running's next tick.
     * (Added for prio: "a process always runs before any of lower
     * priority" also at wakeup; docs/scheduler.md.) */
    bool (*preempts)(struct proc *p, struct proc *running);
    /* child was forked from parent (inherit tickets, priority...). parent
     * is NULL for the first process. The child is not yet READY. */
    void (*fork)(struct proc *parent, struct proc *child);
    /* p is exiting (it is not on the ready queue). */
    void (*exit)(struct proc *p);
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

/* Chooses the policy named by sched= and sets up this CPU's idle process. */
void sched_init(struct proc *idle);
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
void sched_set_tickets(struct proc *p, int tickets);

void sched_yield(void);                             /* RUNNING -> READY */
/* A preemption point for long loops in system calls (which otherwise run
 * with interrupts off, unpreempted): lets pending interrupts in, yields if
 * the clock asked, and returns -1 if the process has been killed (the loop
 * should then stop: it dies on its way out). Call it holding no lock. */
int sched_preempt_point(void);
/* From the timer interrupt. */
void sched_clock_tick(void);
/* At the end of every trap: switches if a higher need arose. */
void sched_trap_exit(struct trapframe *tf);
/* The idle process's loop: halts until something is ready. */
void sched_idle_loop(void) __attribute__((noreturn));

#endif
