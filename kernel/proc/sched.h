/*
 * The scheduler core: the only code that moves processes between READY
 * and RUNNING. It keeps the time accounting, the idle process and the
 * timer hook, and asks a *policy* which ready process runs next. The core
 * knows nothing of any policy; a policy knows nothing of switching.
 *
 * sched_lock guards every process's scheduling state (struct proc marks
 * those fields), the policy's queues, every wait queue and the sleep list.
 * One lock, taken with interrupts off: coarse, but simple to reason about,
 * and correct on several CPUs.
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
    /* child was forked from parent (inherit tickets, priority...). */
    void (*fork)(struct proc *parent, struct proc *child);
    /* p is exiting (it is not on the ready queue). */
    void (*exit)(struct proc *p);
};

/* Registers a policy (in the .sched_policies section). */
#define SCHED_POLICY(var)                                                    \
    static const struct sched_policy *const sched_policy_ptr_##var          \
        __attribute__((used, section(".sched_policies"), aligned(4))) = &var

/* Why a process stopped running (for the scheduling trace). */
enum switch_reason {
    SWITCH_PREEMPTED,
    SWITCH_BLOCKED,
    SWITCH_YIELDED,
    SWITCH_EXITED,
    SWITCH_SUSPENDED,
};

extern struct spinlock sched_lock;

/* Chooses the policy named by sched= and sets up this CPU's idle process. */
void sched_init(struct proc *idle);
const struct sched_policy *sched_policy(void);

/* With sched_lock held: */
void sched_make_ready(struct proc *p);              /* -> READY, enqueue */
void sched_block(enum proc_state s);                /* current -> s, switch away */
void sched_remove_ready(struct proc *p);            /* READY -> off the queue */

void sched_yield(void);                             /* RUNNING -> READY */
/* From the timer interrupt. */
void sched_clock_tick(void);
/* At the end of every trap: switches if a higher need arose. */
void sched_trap_exit(struct trapframe *tf);
/* The idle process's loop: halts until something is ready. */
void sched_idle_loop(void) __attribute__((noreturn));

#endif
