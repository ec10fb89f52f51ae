/*
 * Helpers for in-guest tests: CHECK(cond) prints the failing condition and
 * line and marks the test failed; DONE() returns the verdict from main.
 */
#ifndef UTEST_H
#define UTEST_H

#include "user.h"

static int utest_failures;

#define CHECK(cond) do {                                                     \
        if (!(cond)) {                                                       \
            printf("  CHECK failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
            utest_failures++;                                                \
        }                                                                    \
    } while (0)

#define CHECK_EQ(got, want) do {                                             \
        long g_ = (long)(got), w_ = (long)(want);                            \
        if (g_ != w_) {                                                      \
            printf("  CHECK failed at %s:%d: %s == %ld, expected %ld\n",      \
                   __FILE__, __LINE__, #got, g_, w_);                        \
            utest_failures++;                                                \
        }                                                                    \
    } while (0)

#define DONE() return utest_failures != 0

/* Forks a child that runs fn and exits with its return value. */
static inline int spawn(int (*fn)(void))
{
    int pid = fork();
    if (pid == 0)
        exit(fn());
    return pid;
}

static inline unsigned int free_memory(void)
{
    struct sysinfo si;
    sysinfo(&si);
    return si.freemem;
}

static inline unsigned int nproc_now(void)
{
    struct sysinfo si;
    sysinfo(&si);
    return si.nproc;
}

/* The getprocs record of pid: 0 when found, -1 when there is no such process. */
static inline int proc_info(int pid, struct procinfo *out)
{
    static struct procinfo all[1024];
    int n = getprocs(all, 1024);
    for (int i = 0; i < n; i++) {
        if (all[i].pid == pid) {
            *out = all[i];
            return 0;
        }
    }
    return -1;
}

/* pid's state as getprocs reports it (PROC_...), or -1 if it is gone. */
static inline int proc_state(int pid)
{
    struct procinfo pi;
    return proc_info(pid, &pi) == 0 ? pi.state : -1;
}

/* pid's CPU ticks (getprocs), or 0xFFFFFFFF if it is gone. */
static inline unsigned int proc_ticks(int pid)
{
    struct procinfo pi;
    return proc_info(pid, &pi) == 0 ? pi.ticks : 0xFFFFFFFFu;
}

/* Sleeps a tick at a time until pid is in `state`, for at most max_ticks;
 * returns 1 if it got there. */
static inline int await_state(int pid, int state, int max_ticks)
{
    int end = uptime() + max_ticks;
    while (proc_state(pid) != state) {
        if (uptime() >= end)
            return 0;
        sleep(1);
    }
    return 1;
}

/* A child that sleeps `ticks`, then exits with `code`; its pid. */
static inline int fork_sleeper(int ticks, int code)
{
    int pid = fork();
    if (pid == 0) {
        sleep(ticks);
        exit(code);
    }
    return pid;
}

/* waitpid(pid, status, options | WNOHANG) once a tick until it reports,
 * for at most max_ticks; returns what it returned (0: no news in time).
 * For the reports a broken kernel may never make (a stop, a continue): the
 * check then fails at once, not at the runner's watchdog. */
static inline int waitpid_within(int pid, int *status, int options, int max_ticks)
{
    int end = uptime() + max_ticks, r;
    while ((r = waitpid(pid, status, options | WNOHANG)) == 0 && uptime() < end)
        sleep(1);
    return r;
}

/* Polls (a tick at a time, max_ticks at most) until nproc is n; returns it. */
static inline unsigned int await_nproc(unsigned int n, int max_ticks)
{
    int end = uptime() + max_ticks;
    unsigned int now;
    while ((now = nproc_now()) != n && uptime() < end)
        sleep(1);
    return now;
}

#endif
