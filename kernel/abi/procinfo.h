/* Process states and getprocs()'s record. Shared by kernel and user. */
#ifndef ABI_PROCINFO_H
#define ABI_PROCINFO_H

/*
 * The states of a process (see docs/processes.md for the diagram):
 *   UNUSED     a free slot in the process table (never reported)
 *   EMBRYO     being created by fork, not yet runnable
 *   READY      runnable, waiting for the CPU (on the policy's queue)
 *   RUNNING    on the CPU
 *   BLOCKED    waiting for an event: a child's exit, a tick, a pipe, input
 *   SUSPENDED  held by suspend(): never scheduled until resume()
 *   ZOMBIE     exited; its exit status waits for the parent's wait()
 */
enum proc_state {
    PROC_UNUSED,
    PROC_EMBRYO,
    PROC_READY,
    PROC_RUNNING,
    PROC_BLOCKED,
    PROC_SUSPENDED,
    PROC_ZOMBIE,
};

struct procinfo {
    int pid;
    int ppid;
    int state;                  /* enum proc_state; blocked+suspended reads SUSPENDED */
    int priority;               /* the scheduling policy's number (0 under rr) */
    unsigned int ticks;         /* CPU ticks used */
    unsigned int nscheduled;    /* times chosen to run */
    unsigned int ready_ticks;   /* ticks spent ready but not running */
    unsigned int start_tick;    /* uptime at creation */
    char name[16];
    int cpu;                    /* the CPU it runs on, or last ran on; -1 before its first run */
    int eff_prio;               /* the priority prio and cfs schedule it by: setpriority's,
                                 * or one a waiter donates while it holds a mutex
                                 * (docs/labs/donate.md); getpriority stays setpriority's */
};

#endif
