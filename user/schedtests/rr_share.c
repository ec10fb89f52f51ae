/* rr: four CPU-bound processes released together get equal shares of
 * the CPU, each within 15% of a quarter, over 400 ticks. */
#include "stest.h"

#define N 4
#define WINDOW 400

int main(void)
{
    int go[2], pids[N];
    unsigned int before[N], after[N], total = 0;
    pipe(go);
    for (int i = 0; i < N; i++)
        pids[i] = spawn_spinner(go[0], 0, 0);
    sleep(2);                               /* all waiting at the pipe */
    write(go[1], "gggg", N);
    ticks_of(pids, N, before);
    sleep(WINDOW);
    ticks_of(pids, N, after);
    for (int i = 0; i < N; i++)
        total += after[i] - before[i];
    printf("  over %d ticks:", WINDOW);
    for (int i = 0; i < N; i++)
        printf(" %u", after[i] - before[i]);
    printf(" ticks (total %u)\n", total);
    for (int i = 0; i < N; i++) {
        unsigned int got = after[i] - before[i];
        /* within 15% of the mean, relative */
        EXPECT(got * N * 100 >= total * 85 && got * N * 100 <= total * 115,
               "pid %d's %u ticks within 15%% of %u (a quarter of %u)", pids[i], got, total / N,
               total);
    }
    EXPECT(total >= WINDOW * 9 / 10, "the spinners to use the CPU (%u of %d ticks)", total, WINDOW);
    kill_all(pids, N);
    DONE();
}
