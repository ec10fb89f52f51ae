/* prio + donation from several waiters (nested donation): low (10) holds
 * m1 and m2; h1 (20) waits for m1, h2 (25) for m2, so low runs at 25.
 * A third waiter (27) raises it, and takes its priority back when it is
 * killed; a waiter that setpriority raises passes the raise on; low's
 * own setpriority counts but never below what is lent; unlocking m2
 * leaves low with h1's priority only, unlocking m1 with its own.
 * getpriority(low) is always what setpriority gave it. */
#include "donate.h"

#define EXPECT_PRIO(want, what) do {                                        \
        int now_ = eff_prio(low);                                            \
        EXPECT(now_ == (want), "%s: low at %d; it is at %d", what, want, now_); \
    } while (0)

static int low;

int main(void)
{
    donate_setup();
    int m1 = mutex_create(), m2 = mutex_create(), cmd[2], ready[2];
    CHECK(m1 >= 0 && m2 >= 0 && pipe(cmd) == 0 && pipe(ready) == 0);
    low = fork();
    if (low == 0) {
        mutex_lock(m1);
        mutex_lock(m2);
        write(ready[1], "r", 1);
        for (char c; (c = next_byte(cmd[0])) != 'x';) {
            if (c == '1' || c == '2')
                mutex_unlock(c == '1' ? m1 : m2);
            write(ready[1], "r", 1);
        }
        exit(0);
    }
    CHECK(setpriority(low, 10) == 0);
    CHECK(next_byte(ready[0]) == 'r');
    EXPECT_PRIO(10, "nobody waits yet");

    int h1 = spawn_locker(m1, 20);
    CHECK(await_state(h1, PROC_BLOCKED, 20));
    EXPECT_PRIO(20, "h1 (20) waits for m1");
    int h2 = spawn_locker(m2, 25);
    CHECK(await_state(h2, PROC_BLOCKED, 20));
    EXPECT_PRIO(25, "h1 (20) and h2 (25) wait");
    int h3 = spawn_locker(m1, 27);
    CHECK(await_state(h3, PROC_BLOCKED, 20));
    EXPECT_PRIO(27, "h3 (27) waits for m1 too");
    CHECK(kill(h3, SIGKILL) == 0);
    CHECK(wait_for(h3) == -1);
    EXPECT_PRIO(25, "h3 was killed while waiting: what it lent goes with it");

    CHECK(setpriority(h1, 26) == 0);
    EXPECT_PRIO(26, "setpriority raised h1, waiting for m1, to 26");
    CHECK(setpriority(low, 28) == 0);
    EXPECT_PRIO(28, "setpriority(low, 28), above every waiter");
    CHECK(setpriority(low, 5) == 0);
    EXPECT_PRIO(26, "setpriority(low, 5): what h1 lends stays");
    EXPECT(getpriority(low) == 5, "getpriority(low) to be its own 5; got %d", getpriority(low));

    write(cmd[1], "2", 1);                      /* low unlocks m2: h2 takes it */
    CHECK(next_byte(ready[0]) == 'r');
    CHECK(wait_for(h2) >= 0);
    EXPECT_PRIO(26, "low unlocked m2: h2's 25 goes, h1's 26 stays");
    write(cmd[1], "1", 1);                      /* and m1: h1 takes it */
    CHECK(next_byte(ready[0]) == 'r');
    CHECK(wait_for(h1) >= 0);
    EXPECT_PRIO(5, "low unlocked both: its own priority again");
    write(cmd[1], "x", 1);
    CHECK(wait_for(low) == 0);
    CHECK(mutex_destroy(m1) == 0 && mutex_destroy(m2) == 0);
    DONE();
}
