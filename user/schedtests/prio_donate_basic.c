/* prio + donation: priority inversion, cured. Low (priority 10) holds a
 * mutex; high (30) waits for it; mid (20) spins. Without donation low
 * never runs while mid is ready, so high waits for mid: the inversion
 * (make sched-demo SCHED=prio DEMO=-i draws it). With donation low runs
 * at high's 30 until it unlocks, high gets the mutex within about the
 * ticks low needed, and low is back at 10 at once: then it gets no CPU
 * while mid spins. getpriority(low) says 10 all along. */
#include "donate.h"

#define WORK 10                 /* ticks of CPU low needs before it unlocks */
#define BOUND 60                /* ticks high may wait: WORK and slack */
#define STARVE 200              /* ticks mid spins unless high is done */

int main(void)
{
    donate_setup();
    int m = mutex_create(), ready[2], go[2];
    CHECK(m >= 0 && pipe(ready) == 0 && pipe(go) == 0);
    int low = fork();
    if (low == 0) {
        mutex_lock(m);
        write(ready[1], "r", 1);
        next_byte(go[0]);
        spin_own(WORK);
        mutex_unlock(m);
        spin_forever();
    }
    CHECK(setpriority(low, 10) == 0);
    CHECK(next_byte(ready[0]) == 'r');          /* low holds m */
    int mid = spawn_spinner(-1, 0, 0);
    CHECK(setpriority(mid, 20) == 0);
    int high = spawn_locker(m, 30);
    CHECK(await_state(high, PROC_BLOCKED, 20));
    int lent = eff_prio(low);
    EXPECT(lent == 30, "low, holding the mutex high (30) waits for, to be scheduled at 30; "
                       "it is at %d", lent);
    EXPECT(getpriority(low) == 10, "getpriority(low) to stay 10 (its own); got %d",
           getpriority(low));

    write(go[1], "g", 1);                       /* low may finish now */
    int status = 0, got = waitpid_within(high, &status, 0, STARVE) == high;
    int back = eff_prio(low);
    unsigned int before = proc_ticks(low);
    if (got)
        sleep(20);
    unsigned int low_ran = proc_ticks(low) - before;
    kill(mid, SIGKILL);
    if (!got)
        got = waitpid(high, &status, 0) == high;
    CHECK(got && WIFEXITED(status));
    int waited = WEXITSTATUS(status);
    printf("  high waited %d ticks for the mutex (low needed %d of CPU); low at %d then %d\n",
           waited, WORK, lent, back);
    EXPECT(waited <= BOUND, "high to get the mutex within %d ticks, as low runs at its "
                            "priority; it waited %d (low stayed behind mid)", BOUND, waited);
    EXPECT(back == 10, "low to be back at its own 10 once it unlocked; it is at %d", back);
    EXPECT(low_ran <= 2, "low (10) to get no CPU while mid (20) spins, once it gave the "
                         "priority back; it had %u ticks of 20", low_ran);
    kill(low, SIGKILL);
    wait_for(low);
    wait_for(mid);
    CHECK(mutex_destroy(m) == 0);
    DONE();
}
