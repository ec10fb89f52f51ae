/*
 * Each process's scheduling statistics (struct proc: ticks, nscheduled,
 * ready_ticks, ready_since, first_run_tick, exit_tick), which getprocs,
 * getpinfo and schedstat report. The scheduler core calls these hooks at
 * its moves, so that sched.c holds only the moves themselves. All with
 * sched_lock held.
 */
#ifndef PROC_SCHEDSTATS_H
#define PROC_SCHEDSTATS_H

struct proc;

/* p joined the ready queue: its time ready starts now. */
void schedstats_ready(struct proc *p);
/* p left the ready queue without running (suspend): add its time ready. */
void schedstats_unready(struct proc *p);
/* p was picked to run: its time ready ends, it has run once more. */
void schedstats_picked(struct proc *p);
/* A timer tick while p was running. */
void schedstats_tick(struct proc *p);
/* p exited: its turnaround ends. */
void schedstats_exit(struct proc *p);

#endif
