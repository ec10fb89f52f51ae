/* sysinfo()'s record. Shared by kernel and user. */
#ifndef ABI_SYSINFO_H
#define ABI_SYSINFO_H

struct sysinfo {
    unsigned int freemem;       /* free frames x 4096, exact */
    unsigned int totalmem;      /* frames the allocator manages x 4096 */
    unsigned int nproc;         /* process slots in use, zombies and embryos included */
    unsigned int uptime;        /* ticks since boot */
    unsigned int hz;            /* ticks per second (the build's HZ) */
    char policy[16];            /* the scheduling policy's name (sched=) */
    unsigned int ncpu;          /* CPUs up (started at boot) */
};

#endif
