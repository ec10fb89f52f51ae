/* mlfq: a parent at the bottom level reaps a child only at the next boost
 * while jobs above it keep the CPU: the finding behind init's slow reaping
 * of orphans (docs/scheduler.md, "mlfq: a waiter at the bottom waits for
 * the boost"). R, standing in for init, spins until it sinks to level 0,
 * then waits for its child C; C exits while short jobs keep the top level
 * busy. The bound: R reaps C within MLFQ_BOOST + 10 ticks of C's exit,
 * and not before the first boost after it (rules 1-4 starve R until rule
 * 5 lifts it). */
#include "stest.h"

#define BOOST 100

static int tell[2];                     /* R -> main: "I am at level 0" */
static int report[2];                   /* R -> main: C's exit tick, R's reap tick */

/* Keeps the top busy until `until`: one short job at a time, each under
 * its 4-tick top allotment, a new one as each exits (as mlfq_boost). */
static int factory(int until)
{
    while (uptime() < until) {
        int pid = fork();
        if (pid == 0) {
            spin_ticks(2);
            exit(0);
        }
        if (pid < 0)
            return 1;
        wait_for(pid);
    }
    return 0;
}

static int reaper(void)
{
    struct procinfo pi = { 0 };
    int end = uptime() + 40;
    while (uptime() < end && proc_info(getpid(), &pi) == 0 && pi.priority != 0)
        stest_sink++;                   /* 4 + 8 charged ticks: down to level 0 */
    int fds[2];
    pipe(fds);
    int c = fork();
    if (c == 0) {
        sleep(10);                      /* the factory is running by now */
        int t = uptime();
        write(fds[1], &t, sizeof t);
        exit(0);
    }
    write(tell[1], &pi.priority, sizeof pi.priority);
    int status = -1;
    int w = wait(&status);
    int times[2] = { -1, uptime() };
    read(fds[0], &times[0], sizeof times[0]);
    write(report[1], times, sizeof times);
    return w == c && status == 0 ? 0 : 1;
}

int main(void)
{
    while (uptime() % BOOST == 0 || uptime() % BOOST > 10)
        sleep(1);                       /* just after a boost: a whole period ahead */
    pipe(tell);
    pipe(report);
    int r = spawn(reaper);
    int level = -1;
    read(tell[0], &level, sizeof level);
    int next_boost = (uptime() / BOOST + 1) * BOOST;
    int f = fork();
    if (f == 0)
        exit(factory(next_boost + 10));
    int times[2] = { -1, -1 };
    read(report[0], times, sizeof times);
    int rstatus = wait_for(r), fstatus = wait_for(f);
    int latency = times[1] - times[0];
    printf("  R at level %d; C exited at tick %d, R reaped it at tick %d: %d ticks later "
           "(boost at tick %d)\n", level, times[0], times[1], latency, next_boost);
    CHECK(rstatus == 0 && fstatus == 0);
    EXPECT(level == 0, "R at level 0 before C exits (it is at %d)", level);
    EXPECT(times[0] >= 0 && times[0] < next_boost, "C to exit before the boost at tick %d "
           "(it exited at %d)", next_boost, times[0]);
    EXPECT(times[1] >= next_boost, "R to wait for the boost at tick %d to reap C "
           "(it reaped at %d: did the short jobs not starve it?)", next_boost, times[1]);
    EXPECT(latency <= BOOST + 10, "R to reap C within %d ticks of its exit (the bound); "
           "it took %d", BOOST + 10, latency);
    DONE();
}
