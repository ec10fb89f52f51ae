/* prio: the highest-priority ready process always runs: of three
 * CPU-bound processes at priorities 10, 20 and 30 only the 30 runs; when
 * it is gone only the 20; when the 10 is raised to 25 only it. getprocs
 * reports the priorities. */
#include "stest.h"

static const char *names[3] = { "prio 10", "prio 20", "prio 30" };

static void phase(const int *pids, int window, int runner, const char *what)
{
    unsigned int before[3], after[3];
    ticks_of(pids, 3, before);
    sleep(window);
    ticks_of(pids, 3, after);
    printf("  %s: over %d ticks", what, window);
    for (int i = 0; i < 3; i++)
        printf(", %s %u", names[i], after[i] - before[i]);
    printf("\n");
    for (int i = 0; i < 3; i++) {
        unsigned int got = after[i] - before[i];
        if (pids[i] < 0)
            continue;
        if (i == runner)
            EXPECT(got >= (unsigned)window * 8 / 10, "%s (pid %d) to run nearly all %d ticks, got %u",
                   names[i], pids[i], window, got);
        else
            EXPECT(got == 0, "%s (pid %d) never to run while a higher priority is ready, got %u ticks",
                   names[i], pids[i], got);
    }
}

int main(void)
{
    CHECK(setpriority(getpid(), 31) == 0);  /* above everyone: we keep the CPU */
    int pids[3];
    for (int i = 0; i < 3; i++) {
        pids[i] = spawn_spinner(-1, 0, 0);
        CHECK(setpriority(pids[i], 10 * (i + 1)) == 0);   /* before it ever runs */
    }
    struct procinfo pi = { 0 };
    for (int i = 0; i < 3; i++) {
        CHECK(proc_info(pids[i], &pi) == 0);
        EXPECT(pi.priority == 10 * (i + 1), "getprocs to report priority %d, got %d",
               10 * (i + 1), pi.priority);
        EXPECT(getpriority(pids[i]) == 10 * (i + 1), "getpriority %d", 10 * (i + 1));
    }
    phase(pids, 50, 2, "10, 20, 30 ready");
    kill(pids[2], SIGKILL);
    wait(0);
    pids[2] = -1;
    phase(pids, 50, 1, "10, 20 ready");
    CHECK(setpriority(pids[0], 25) == 0);
    names[0] = "prio 25";
    phase(pids, 50, 0, "25, 20 ready");
    /* We run at 31 and wake up on time: nothing lower holds us up. */
    int t0 = uptime();
    sleep(10);
    EXPECT(uptime() - t0 <= 11, "a sleep(10) at priority 31 to last 10 ticks, took %d",
           uptime() - t0);
    kill(pids[0], SIGKILL);
    kill(pids[1], SIGKILL);
    wait(0);
    wait(0);
    DONE();
}
