/*
 * Helpers for the scheduling property tests (user/schedtests/, run from
 * /schedtest by `runtests -d /schedtest`). A test named POLICY_WHAT runs
 * under sched=POLICY; any_WHAT under every policy; syscall_WHAT is the
 * syscall lab's. tests/user/guest_sched_*.py and tools/grade.py run them.
 *
 * The tests measure what the kernel itself counts: each process's CPU
 * ticks from getprocs() (or getpinfo()), which are exact, so the
 * tolerances only absorb what is truly random (lottery) or timing.
 */
#ifndef STEST_H
#define STEST_H

#include "../tests/utest.h"

/* Fails with a sentence saying what was expected and what came.
 * (CHECK, CHECK_EQ, DONE and proc_info come from the process tests'
 * utest.h: one set of test helpers.) */
#define EXPECT(cond, ...) do {                                               \
        if (!(cond)) {                                                       \
            printf("  expected: ");                                          \
            printf(__VA_ARGS__);                                             \
            printf("\n");                                                    \
            utest_failures++;                                                \
        }                                                                    \
    } while (0)

static volatile unsigned int stest_sink;

static inline void spin_forever(void)
{
    for (;;)
        stest_sink++;
}

/* Spins for n ticks of wall time. */
static inline void spin_ticks(int n)
{
    int end = uptime() + n;
    while (uptime() < end)
        stest_sink++;
}

/* A CPU-bound child that first calls setup(arg) (if any), then waits for
 * a byte on go_fd, then spins until killed. */
static inline int spawn_spinner(int go_fd, void (*setup)(int), int arg)
{
    int pid = fork();
    if (pid == 0) {
        if (setup)
            setup(arg);
        if (go_fd >= 0) {
            char c;
            read(go_fd, &c, 1);
        }
        spin_forever();
    }
    return pid;
}

/* CPU ticks of each of n pids, read in one getprocs() call (one instant). */
static inline void ticks_of(const int *pids, int n, unsigned int *ticks)
{
    static struct procinfo all[256];
    int m = getprocs(all, 256);
    for (int i = 0; i < n; i++) {
        ticks[i] = 0;
        for (int k = 0; k < m; k++)
            if (all[k].pid == pids[i])
                ticks[i] = all[k].ticks;
    }
}

/* Waits until pid exits (reaping others meanwhile); returns its status,
 * or -1000 if it is not our child. */
static inline int wait_for(int pid)
{
    int status = -1000, w;
    while ((w = wait(&status)) != pid)
        if (w < 0)
            return -1000;
    return status;
}

static inline void kill_all(const int *pids, int n)
{
    for (int i = 0; i < n; i++)
        kill(pids[i], SIGKILL);
    for (int i = 0; i < n; i++)
        wait(0);
}

/* Writes x / 10 with one decimal (printf has no %f). */
static inline void print_tenths(int x)
{
    printf("%d.%d", x / 10, x % 10);
}

/* Share of part in whole, in tenths of a percent. */
static inline int permille(unsigned int part, unsigned int whole)
{
    return whole ? (int)((part * 1000ull + whole / 2) / whole) : 0;
}

#endif
