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

#endif
