/* mlfq: the priority boost ends starvation. A CPU-bound job S sinks to
 * the bottom; then short jobs keep the top level busy without ever using
 * up its allotment (a new one starts as each ends), so S gets nothing
 * between boosts. It must run again within a tick or two of every boost
 * (every 100 ticks): its longest wait is about a boost period, never
 * more. (Without rules 1-4 it would not starve at all; without rule 5
 * it would starve for good.) */
#include "stest.h"

#define BOOST 100
#define WINDOW 320

/* Keeps the top busy: one short job at a time, each spinning for 2 ticks
 * of wall time (under its 4-tick allotment), a new one as each exits. */
static int factory(void)
{
    int end = uptime() + WINDOW;
    while (uptime() < end) {
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

int main(void)
{
    int s = spawn_spinner(-1, 0, 0);
    struct procinfo pi = { 0 };
    for (int i = 0; i < 80 && proc_info(s, &pi) == 0 && pi.priority != 0; i++)
        sleep(1);                           /* S sinks to level 0 */
    CHECK(proc_info(s, &pi) == 0 && pi.priority == 0);
    int f = fork();
    if (f == 0)
        exit(factory());
    /* Watch S's CPU ticks: the longest stretch without progress. */
    int start = uptime(), last_change = start, longest = 0, runs = 0;
    unsigned int last_ticks = pi.ticks, s_start = pi.ticks;
    while (uptime() < start + WINDOW - 5) {
        sleep(1);
        if (proc_info(s, &pi) < 0)
            break;
        int now = uptime();
        if (pi.ticks != last_ticks) {
            if (now - last_change > longest)
                longest = now - last_change;
            last_ticks = pi.ticks;
            last_change = now;
            runs++;
        }
    }
    int end = uptime();
    if (end - last_change > longest)
        longest = end - last_change;
    int fstatus = wait_for(f);
    kill(s, SIGKILL);
    wait(0);
    printf("  over %d ticks of short jobs: the starved job got %u ticks, in %d stretches; "
           "its longest wait %d ticks\n", end - start, pi.ticks - s_start, runs, longest);
    CHECK(fstatus == 0);
    EXPECT(longest >= BOOST / 2, "the short jobs to starve the job at level 0 between boosts "
           "(longest wait only %d ticks: are rules 1-4 in place?)", longest);
    EXPECT(longest <= BOOST + 10, "the boost to rescue the starved job within %d ticks "
           "(it waited %d)", BOOST + 10, longest);
    EXPECT(pi.ticks - s_start >= 2, "the starved job to run after the boosts");
    DONE();
}
