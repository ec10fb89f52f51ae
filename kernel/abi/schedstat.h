/*
 * schedstat()'s record: one process's scheduling statistics, the ones
 * getprocs's fixed struct procinfo has no room for (response and
 * turnaround time). Shared by kernel and user. docs/labs/syscall.md.
 */
#ifndef ABI_SCHEDSTAT_H
#define ABI_SCHEDSTAT_H

struct schedstat {
    int pid;
    int state;                  /* enum proc_state */
    int prio;                   /* getpriority()'s value */
    int tickets;                /* settickets()'s value */
    unsigned int ticks;         /* CPU ticks used */
    unsigned int nscheduled;    /* times chosen to run */
    unsigned int ready_ticks;   /* ticks spent ready but not running */
    unsigned int start_tick;    /* uptime at creation */
    int response;               /* first run - creation, in ticks; -1 before it ran */
    int turnaround;             /* exit - creation, in ticks; -1 while it lives */
};

#endif
