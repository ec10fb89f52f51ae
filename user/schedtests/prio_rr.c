/* prio: processes of equal priority take turns (round-robin): three
 * CPU-bound processes at priority 20 share the CPU equally (each within
 * 15% of a third, each scheduled many times) while one at 19 gets
 * nothing. */
#include "stest.h"

#define WINDOW 300

int main(void)
{
    CHECK(setpriority(getpid(), 31) == 0);
    int pids[4];
    struct procinfo b[4] = { 0 }, a[4] = { 0 };
    for (int i = 0; i < 4; i++) {
        pids[i] = spawn_spinner(-1, 0, 0);
        CHECK(setpriority(pids[i], i < 3 ? 20 : 19) == 0);
    }
    for (int i = 0; i < 4; i++)
        CHECK(proc_info(pids[i], &b[i]) == 0);
    sleep(WINDOW);
    for (int i = 0; i < 4; i++)
        CHECK(proc_info(pids[i], &a[i]) == 0);
    unsigned int total = 0;
    for (int i = 0; i < 3; i++)
        total += a[i].ticks - b[i].ticks;
    printf("  over %d ticks:", WINDOW);
    for (int i = 0; i < 4; i++)
        printf(" prio %d: %u ticks (%u turns);", i < 3 ? 20 : 19, a[i].ticks - b[i].ticks,
               a[i].nscheduled - b[i].nscheduled);
    printf("\n");
    for (int i = 0; i < 3; i++) {
        unsigned int got = a[i].ticks - b[i].ticks, turns = a[i].nscheduled - b[i].nscheduled;
        EXPECT(got * 300 >= total * 85 && got * 300 <= total * 115,
               "pid %d's %u ticks within 15%% of a third of %u", pids[i], got, total);
        EXPECT(turns >= WINDOW / 5 / 3 / 2, "pid %d to take many turns, took %u", pids[i], turns);
    }
    EXPECT(a[3].ticks == b[3].ticks, "the priority-19 process never to run, ran %u ticks",
           a[3].ticks - b[3].ticks);
    EXPECT(total >= WINDOW * 9 / 10, "the three to use the CPU, used %u of %d ticks", total, WINDOW);
    kill_all(pids, 4);
    DONE();
}
