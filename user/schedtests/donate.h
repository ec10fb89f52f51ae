/*
 * Helpers of the priority donation tests (prio_donate_*.c; the donate
 * lab, docs/labs/donate.md). Every process of a test runs on CPU 0 only:
 * with a second CPU free, a spinning medium-priority process could not
 * keep the low-priority holder off the CPU, and there would be no
 * inversion to cure.
 */
#ifndef DONATE_H
#define DONATE_H

#include "stest.h"

/* The caller, and every child it forks from now on, runs on CPU 0 at
 * priority 31 (above everything it starts, so it can set them up). */
static inline void donate_setup(void)
{
    CHECK(setaffinity(0, 1u) == 0);
    CHECK(setpriority(getpid(), 31) == 0);
}

/* The priority pid is scheduled by now (its own, or one donated). */
static inline int eff_prio(int pid)
{
    struct procinfo pi;
    return proc_info(pid, &pi) == 0 ? pi.eff_prio : -1;
}

/* Spins until the caller has had n more ticks of CPU. */
static inline void spin_own(unsigned int n)
{
    unsigned int end = proc_ticks(getpid()) + n;
    while (proc_ticks(getpid()) < end)
        stest_sink++;
}

/* Blocks until one byte comes down fd; returns it (0 at end of file). */
static inline char next_byte(int fd)
{
    char c = 0;
    return read(fd, &c, 1) == 1 ? c : 0;
}

/* Forks a child at priority prio that locks mutex m (blocking as long as
 * it takes), records in its exit status how many ticks it waited (at most
 * 254; 255 if mutex_lock failed), unlocks it and exits. */
static inline int spawn_locker(int m, int prio)
{
    int pid = fork();
    if (pid == 0) {
        int t0 = uptime();
        if (mutex_lock(m) < 0)
            exit(255);
        int waited = uptime() - t0;
        mutex_unlock(m);
        exit(waited > 254 ? 254 : waited);
    }
    CHECK(setpriority(pid, prio) == 0);
    return pid;
}

#endif
