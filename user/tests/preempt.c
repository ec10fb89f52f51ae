/* Preemption: two CPU-bound children that never block or yield, both
 * pinned to CPU 0 (so they share it whatever the CPU count), both get
 * the CPU within a 60-tick window (each at least 10 ticks, each chosen to
 * run several times), and a sleeping parent still wakes promptly. */
#include "utest.h"

static volatile unsigned int counter;

static int spinner(void)
{
    setaffinity(0, 1);          /* both on CPU 0: time sharing on any CPU count */
    for (;;)
        counter++;
    return 0;                   /* not reached */
}

int main(void)
{
    int a = spawn(spinner), b = spawn(spinner);
    CHECK(a > 0 && b > 0);
    struct procinfo a0, b0, a1, b1;
    CHECK(proc_info(a, &a0) == 0 && proc_info(b, &b0) == 0);
    int t0 = uptime();
    sleep(60);
    int slept = uptime() - t0;
    CHECK(proc_info(a, &a1) == 0 && proc_info(b, &b1) == 0);
    unsigned int ta = a1.ticks - a0.ticks, tb = b1.ticks - b0.ticks;
    unsigned int na = a1.nscheduled - a0.nscheduled, nb = b1.nscheduled - b0.nscheduled;
    printf("  over %d ticks: child A ran %u ticks (%u times), child B %u ticks (%u times)\n",
           slept, ta, na, tb, nb);
    CHECK(ta >= 10 && tb >= 10);
    CHECK(na >= 3 && nb >= 3);
    CHECK(ta + tb >= 50);               /* the CPU was busy with them */
    CHECK(slept >= 60 && slept <= 75);  /* the sleeper was not starved */
    CHECK(a1.state == PROC_READY || a1.state == PROC_RUNNING);
    CHECK(b1.state == PROC_READY || b1.state == PROC_RUNNING);
    int status = 0;
    CHECK_EQ(kill(a, SIGKILL), 0);
    CHECK_EQ(kill(b, SIGKILL), 0);
    int w1 = wait(&status);
    CHECK_EQ(status, -1);
    int w2 = wait(&status);
    CHECK_EQ(status, -1);
    CHECK((w1 == a && w2 == b) || (w1 == b && w2 == a));
    DONE();
}
