/*
 * Wait queues: how a process blocks until an event, and how the event's
 * owner wakes it, without anyone scanning the process table.
 *
 * Protocol: the sleeper holds the lock that guards its condition (`lk`),
 * checks the condition, and calls waitq_sleep(wq, lk), which blocks and
 * releases lk atomically (no wakeup can be lost in between) and retakes
 * lk before returning. The waker changes the condition under lk and
 * calls waitq_wake_all(wq). Lock order: lk before sched_lock.
 */
#ifndef PROC_WAITQ_H
#define PROC_WAITQ_H

#include <stdint.h>

#include "lib/list.h"

struct spinlock;

struct waitq {
    struct list waiters;        /* guarded by sched_lock */
};

void waitq_init(struct waitq *wq);
/* Blocks the current process on wq; 0 when woken, -1 when killed or
 * interrupted by a signal it catches (the system call returns -1, and
 * the handler runs on its way out). */
int waitq_sleep(struct waitq *wq, struct spinlock *lk);
/* Makes every waiter ready (or suspended, if it was suspended). */
void waitq_wake_all(struct waitq *wq);

/* Blocks the current process for `ticks` timer ticks; -1 if killed or
 * interrupted by a caught signal. */
int sleep_ticks(uint32_t ticks);
/* From the clock: wakes every timed sleeper that is due. */
void sleep_wake_due(uint32_t now);

#endif
