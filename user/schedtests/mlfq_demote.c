/* mlfq: a lone CPU-bound job starts at the top level (2), moves down to
 * level 1 after its 4-tick allotment there, to level 0 after 8 more, and
 * stays at 0 until the boost (every 100 ticks) puts it back at the top,
 * from where it goes down the same way. Sampled with getprocs every tick;
 * a sample's CPU ticks and level come from the same instant, so the
 * level must match the ticks exactly. */
#include "stest.h"

#define TOP 2
#define ALLOT_TOP 4             /* the documented allotments (sched_mlfq.c) */
#define ALLOT_MID 8
#define BOOST 100

#define MAXS 200

static int expected_level(unsigned int ticks)
{
    return ticks < ALLOT_TOP ? 2 : ticks < ALLOT_TOP + ALLOT_MID ? 1 : 0;
}

int main(void)
{
    /* Start early in a boost period, so the whole descent fits in it. */
    while (uptime() % BOOST < 2 || uptime() % BOOST > 40)
        sleep(1);
    int next_boost = (uptime() / BOOST + 1) * BOOST;
    int pid = spawn_spinner(-1, 0, 0);
    static int when[MAXS], level[MAXS];
    static unsigned int ticks[MAXS];
    int n = 0;
    while (n < MAXS && uptime() < next_boost + 40) {
        struct procinfo pi = { 0 };
        if (proc_info(pid, &pi) == 0) {
            when[n] = uptime();
            ticks[n] = pi.ticks;
            level[n++] = pi.priority;
        }
        sleep(1);
    }
    kill(pid, SIGKILL);
    wait(0);

    /* Before the boost: the level follows from the ticks alone. */
    unsigned int first_at[3] = { 0, 0, 0 };
    int seen[3] = { 0, 0, 0 }, bad = 0;
    for (int i = 0; i < n && when[i] < next_boost; i++) {
        int l = level[i];
        if (l >= 0 && l <= 2 && !seen[l]) {
            seen[l] = 1;
            first_at[l] = ticks[i];
        }
        if (l != expected_level(ticks[i]) && bad++ < 5)
            printf("  at uptime %d: %u ticks used, level %d (expected %d)\n", when[i], ticks[i], l,
                   expected_level(ticks[i]));
    }
    printf("  first seen at level 2 after %u ticks, level 1 after %u, level 0 after %u\n",
           first_at[2], first_at[1], first_at[0]);
    EXPECT(bad == 0, "a job with t CPU ticks at level 2 for t < 4, 1 for t < 12, else 0 (%d samples off)",
           bad);
    EXPECT(seen[2] && seen[1] && seen[0], "to see the job at every level before the boost");
    EXPECT(seen[1] && first_at[1] == ALLOT_TOP, "the move to level 1 after exactly %d ticks, saw %u",
           ALLOT_TOP, first_at[1]);
    EXPECT(seen[0] && first_at[0] == ALLOT_TOP + ALLOT_MID,
           "the move to level 0 after exactly %d ticks, saw %u", ALLOT_TOP + ALLOT_MID, first_at[0]);

    /* After the boost: back at the top at once, then down again. */
    int i = 0;
    while (i < n && when[i] < next_boost)
        i++;
    EXPECT(i < n && level[i] == TOP && when[i] <= next_boost + 2,
           "the boost at uptime %d to put the job back at level 2 (saw level %d at %d)",
           next_boost, i < n ? level[i] : -1, i < n ? when[i] : -1);
    unsigned int boosted_at = i < n ? ticks[i] : 0, down_at = 0;
    int went_down = 0;
    for (; i < n; i++) {
        if (level[i] == 0 && !went_down) {
            went_down = 1;
            down_at = ticks[i];
        }
    }
    EXPECT(went_down, "the job to sink to level 0 again after the boost");
    EXPECT(!went_down || down_at - boosted_at <= ALLOT_TOP + ALLOT_MID + 1,
           "the job to sink to level 0 again within %d ticks of the boost (took %u)",
           ALLOT_TOP + ALLOT_MID, down_at - boosted_at);
    DONE();
}
