/*
 * Each process's scheduling statistics (struct proc: ticks, nscheduled,
 * ready_ticks, ready_since, first_run_tick, exit_tick), which getprocs,
 * getpinfo and schedstat report. The scheduler core calls these hooks at
 * its moves, so that sched.c holds only the moves themselves. All with
 * sched_lock held. Inline: they sit on the switch path, and a call each
 * cost about 2% of a pipe round trip (make bench).
 */
#ifndef PROC_SCHEDSTATS_H
#define PROC_SCHEDSTATS_H

#include "core/clock.h"
#include "proc/proc.h"

/* p joined the ready queue: its time ready starts now. */
static inline void schedstats_ready(struct proc *p)
{
    p->ready_since = clock_ticks();
}

/* p left the ready queue without running (suspend): add its time ready. */
static inline void schedstats_unready(struct proc *p)
{
    p->ready_ticks += clock_ticks() - p->ready_since;
}

/* p was picked to run: its time ready ends, it has run once more. */
static inline void schedstats_picked(struct proc *p)
{
    uint32_t now = clock_ticks();
    p->ready_ticks += now - p->ready_since;
    if (p->nscheduled++ == 0)
        p->first_run_tick = now;
}

/* A timer tick while p was running. */
static inline void schedstats_tick(struct proc *p)
{
    p->ticks++;
}

/* p exited: its turnaround ends. */
static inline void schedstats_exit(struct proc *p)
{
    p->exit_tick = clock_ticks();
}

#endif
