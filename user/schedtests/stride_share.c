/* stride: processes with 30, 20 and 10 tickets get 50%, 33% and 17% of
 * the CPU over 2000 ticks, each within one quantum (one tick) of its
 * exact share of the ticks the three used. */
#include "share.h"

#define WINDOW 2000

int main(void)
{
    unsigned int got[3], total;
    run_shares(WINDOW, got);
    total = got[0] + got[1] + got[2];
    int ideal10[3];                         /* exact shares, in tenths of a tick */
    printf("  over %d ticks:", WINDOW);
    for (int i = 0; i < 3; i++) {
        ideal10[i] = (int)((total * 10u * (unsigned)share_tickets[i] + 30) / 60);
        printf(" %d tickets: %u ticks = ", share_tickets[i], got[i]);
        print_tenths(permille(got[i], total));
        printf("%% (exact share %d.%d ticks);", ideal10[i] / 10, ideal10[i] % 10);
    }
    printf("\n");
    for (int i = 0; i < 3; i++) {
        int err10 = (int)got[i] * 10 - ideal10[i];
        EXPECT(err10 >= -10 && err10 <= 10,
               "%d tickets of 60 to get %d.%d of %u ticks, within one tick; got %u", share_tickets[i],
               ideal10[i] / 10, ideal10[i] % 10, total, got[i]);
    }
    EXPECT(total >= WINDOW * 9 / 10, "the three to use the CPU (%u of %d ticks)", total, WINDOW);
    DONE();
}
