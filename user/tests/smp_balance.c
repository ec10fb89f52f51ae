/* Load balancing across CPUs (the smp lab; docs/scheduler.md, "Several
 * CPUs"): 2 x ncpu spinners, none pinned, started one at a time (each has
 * run before the next is created, so placement sees a settled machine),
 * sit ncpu per CPU give or take one (sampled ten times: queued plus
 * running, the caller not counted), keep every CPU busy (at least
 * 80% of each CPU's own ticks, so a host that starves an emulated CPU
 * does not count against it), share fairly (none gets less than a third
 * of the best one's ticks), and do not bounce between CPUs (the
 * scheduling trace shows at most 3 migrations per spinner over 100
 * ticks); then every one of them is killed and reaped: no process is
 * lost. With one CPU there is nothing to balance. */
#include "utest.h"

#define WINDOW 100
#define MAXSPIN 16
#define MAXEV 4096

static struct sched_event ev[MAXEV];
static int me;

static int spinner(void)
{
    for (;;)
        ;
    return 0;
}

/* Migrations of the spinners in the trace: a spinner switched to on a CPU
 * other than the one it last ran on. */
static int migrations(const int *pids, int n)
{
    int last[MAXSPIN], moves = 0, got;
    for (int i = 0; i < n; i++)
        last[i] = -1;
    while ((got = schedtrace(ev, MAXEV)) > 0) {
        for (int k = 0; k < got; k++) {
            if (ev[k].kind >= SCHED_EV_NEW)
                continue;               /* not a switch */
            for (int i = 0; i < n; i++)
                if (ev[k].to == pids[i]) {
                    moves += last[i] >= 0 && last[i] != ev[k].cpu;
                    last[i] = ev[k].cpu;
                }
        }
    }
    return moves;
}

/* The spinners on each CPU now (queued or running, the caller not
 * counted): most minus fewest. */
static int imbalance(int ncpu)
{
    struct sysinfo s;
    sysinfo(&s);
    int most = 0, fewest = 1 << 30;
    for (int c = 0; c < ncpu && c < SYSINFO_NCPU; c++) {
        int here = (int)s.cpu_ready[c] + (s.cpu_running[c] != 0 && s.cpu_running[c] != me);
        most = here > most ? here : most;
        fewest = here < fewest ? here : fewest;
    }
    return most - fewest;
}

/* Starts a spinner and waits until it has run somewhere. */
static int start_spinner(void)
{
    struct procinfo pi;
    int pid = spawn(spinner);
    for (int waited = 0; waited < 200; waited++) {
        if (proc_info(pid, &pi) == 0 && pi.cpu >= 0)
            break;
        sleep(1);
    }
    return pid;
}

int main(void)
{
    me = getpid();
    struct sysinfo s0, s1;
    sysinfo(&s0);
    int ncpu = (int)s0.ncpu;
    if (ncpu < 2) {
        printf("  one CPU: nothing to balance\n");
        DONE();
    }
    int n = 2 * ncpu > MAXSPIN ? MAXSPIN : 2 * ncpu, pids[MAXSPIN];
    for (int i = 0; i < n; i++)
        pids[i] = start_spinner();
    sleep(10);                          /* placement and balancing settle */
    while (schedtrace(ev, MAXEV) > 0)
        ;                               /* the trace from here on */
    struct procinfo p0[MAXSPIN], p1[MAXSPIN];
    for (int i = 0; i < n; i++)
        CHECK(proc_info(pids[i], &p0[i]) == 0);
    sysinfo(&s0);
    int balanced = 0;
    for (int k = 0; k < 10; k++) {
        sleep(WINDOW / 10);
        balanced += imbalance(ncpu) <= 1;
    }
    sysinfo(&s1);
    for (int i = 0; i < n; i++)
        CHECK(proc_info(pids[i], &p1[i]) == 0);
    int moves = migrations(pids, n);
    unsigned int best = 0, worst = 0xFFFFFFFFu;
    for (int i = 0; i < n; i++) {
        unsigned int t = p1[i].ticks - p0[i].ticks;
        best = t > best ? t : best;
        worst = t < worst ? t : worst;
    }
    for (int c = 0; c < ncpu && c < SYSINFO_NCPU; c++) {
        unsigned int ticks = s1.cpu_ticks[c] - s0.cpu_ticks[c];
        unsigned int busy = s1.cpu_busy[c] - s0.cpu_busy[c];
        printf("  CPU %d: busy %u of its %u ticks\n", c, busy, ticks);
        CHECK(ticks > 0 && busy * 100 >= ticks * 80);
    }
    printf("  %d spinners: %u to %u ticks each; %d migrations in %d ticks; "
           "balanced in %d of 10 samples\n", n, worst, best, moves, WINDOW, balanced);
    CHECK(balanced >= 8);
    CHECK(worst * 3 >= best);
    CHECK(moves <= 3 * n);
    int reaped = 0, st;
    for (int i = 0; i < n; i++)
        CHECK_EQ(kill(pids[i], SIGKILL), 0);
    for (int i = 0; i < n; i++)
        reaped += waitpid(pids[i], &st, 0) == pids[i] && WIFSIGNALED(st);
    CHECK_EQ(reaped, n);
    DONE();
}
