/* sysinfo()'s record. Shared by kernel and user. */
#ifndef ABI_SYSINFO_H
#define ABI_SYSINFO_H

/* Room for this many CPUs' figures (the kernel's NCPU is no larger). */
#define SYSINFO_NCPU 8

struct sysinfo {
    unsigned int freemem;       /* free frames x 4096, exact */
    unsigned int totalmem;      /* frames the allocator manages x 4096 */
    unsigned int nproc;         /* process slots in use, zombies and embryos included */
    unsigned int uptime;        /* ticks since boot */
    unsigned int hz;            /* ticks per second (the build's HZ) */
    char policy[16];            /* the scheduling policy's name (sched=) */
    unsigned int ncpu;          /* CPUs up (started at boot) */
    /* Per CPU, for i < ncpu (0 beyond): each CPU's own timer counts its
     * ticks, and those that found a process other than its idle one
     * running; busy / ticks is the CPU's load (ps -s). */
    unsigned int cpu_ticks[SYSINFO_NCPU];
    unsigned int cpu_busy[SYSINFO_NCPU];
    unsigned int cpu_ready[SYSINFO_NCPU];  /* processes queued on it now */
    int cpu_running[SYSINFO_NCPU];         /* the pid it runs now; 0: idle */
};

#endif
