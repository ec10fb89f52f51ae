/* lottery: processes with 30, 20 and 10 tickets get 50%, 33% and 17% of
 * the CPU, each within 5 percentage points, over 2000 ticks (the default
 * schedseed: the draws are repeatable). */
#include "share.h"

#define WINDOW 2000

int main(void)
{
    unsigned int got[3], total;
    run_shares(WINDOW, got);
    total = got[0] + got[1] + got[2];
    printf("  over %d ticks:", WINDOW);
    for (int i = 0; i < 3; i++) {
        printf(" %d tickets: %u ticks = ", share_tickets[i], got[i]);
        print_tenths(permille(got[i], total));
        printf("%% (ideal ");
        print_tenths(permille((unsigned)share_tickets[i], 60));
        printf("%%);");
    }
    printf("\n");
    for (int i = 0; i < 3; i++) {
        int share = permille(got[i], total), want = permille((unsigned)share_tickets[i], 60);
        EXPECT(share >= want - 50 && share <= want + 50,
               "%d tickets of 60 to get %d.%d%% +- 5 points, got %d.%d%%", share_tickets[i],
               want / 10, want % 10, share / 10, share % 10);
    }
    EXPECT(total >= WINDOW * 9 / 10, "the three to use the CPU (%u of %d ticks)", total, WINDOW);
    DONE();
}
