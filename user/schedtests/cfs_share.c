/* cfs: CPU in proportion to weight: priorities 21, 16 and 11 (nice -5, 0,
 * 5: weights 3121, 1024, 335) give 69.7%, 22.9% and 7.5% of the CPU,
 * each within 5 points, over 600 ticks. */
#include "stest.h"

#define WINDOW 600

static const int prio[3] = { 21, 16, 11 };
static const unsigned int weight[3] = { 3121, 1024, 335 };

int main(void)
{
    CHECK(setpriority(getpid(), 31) == 0);
    int go[2], pids[3];
    unsigned int before[3], after[3], total = 0;
    pipe(go);
    for (int i = 0; i < 3; i++) {
        pids[i] = spawn_spinner(go[0], 0, 0);
        CHECK(setpriority(pids[i], prio[i]) == 0);
    }
    sleep(2);
    write(go[1], "ggg", 3);
    ticks_of(pids, 3, before);
    sleep(WINDOW);
    ticks_of(pids, 3, after);
    for (int i = 0; i < 3; i++)
        total += after[i] - before[i];
    printf("  over %d ticks:", WINDOW);
    for (int i = 0; i < 3; i++) {
        printf(" prio %d: %u ticks = ", prio[i], after[i] - before[i]);
        print_tenths(permille(after[i] - before[i], total));
        printf("%% (weight's share ");
        print_tenths(permille(weight[i], 3121 + 1024 + 335));
        printf("%%);");
    }
    printf("\n");
    for (int i = 0; i < 3; i++) {
        int share = permille(after[i] - before[i], total), want = permille(weight[i], 3121 + 1024 + 335);
        EXPECT(share >= want - 50 && share <= want + 50, "priority %d to get %d.%d%% +- 5 points",
               prio[i], want / 10, want % 10);
    }
    kill_all(pids, 3);
    DONE();
}
