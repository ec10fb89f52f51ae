/* prio + donation through a chain: low (10) holds m1; a (12) holds m2
 * and waits for m1; b (14) holds m3 and waits for m2; high (30) waits for
 * m3, while mid (20) spins. High's priority must reach low through b and
 * a (each step is checked as the chain grows), low must finish at 30,
 * then a and b in turn, and high gets m3 within about low's work; each
 * is back at its own priority once it unlocked. */
#include "donate.h"

#define WORK 10                 /* ticks of CPU low needs before it unlocks */
#define BOUND 60                /* ticks high may wait */
#define STARVE 200              /* ticks mid spins unless high is done */

/* A child at priority prio that locks `mine`, says so on `ready`, then
 * (if next >= 0) locks `next` and unlocks it, or (low) waits for `go`
 * and works WORK ticks; then unlocks `mine` and spins. */
static int chain_link(int mine, int next, int prio, int ready, int go)
{
    int pid = fork();
    if (pid == 0) {
        mutex_lock(mine);
        write(ready, "r", 1);
        if (next >= 0) {
            mutex_lock(next);
            mutex_unlock(next);
        } else {
            next_byte(go);
            spin_own(WORK);
        }
        mutex_unlock(mine);
        spin_forever();
    }
    CHECK(setpriority(pid, prio) == 0);
    return pid;
}

int main(void)
{
    donate_setup();
    int m1 = mutex_create(), m2 = mutex_create(), m3 = mutex_create(), ready[2], go[2];
    CHECK(m1 >= 0 && m2 >= 0 && m3 >= 0 && pipe(ready) == 0 && pipe(go) == 0);
    int low = chain_link(m1, -1, 10, ready[1], go[0]);
    CHECK(next_byte(ready[0]) == 'r');
    int a = chain_link(m2, m1, 12, ready[1], -1);
    CHECK(next_byte(ready[0]) == 'r' && await_state(a, PROC_BLOCKED, 20));
    EXPECT(eff_prio(low) == 12, "a (12) waits for low's m1: low at 12; it is at %d",
           eff_prio(low));
    int b = chain_link(m3, m2, 14, ready[1], -1);
    CHECK(next_byte(ready[0]) == 'r' && await_state(b, PROC_BLOCKED, 20));
    EXPECT(eff_prio(a) == 14 && eff_prio(low) == 14,
           "b (14) waits for a, which waits for low: both at 14; a %d, low %d", eff_prio(a),
           eff_prio(low));
    int mid = spawn_spinner(-1, 0, 0);
    CHECK(setpriority(mid, 20) == 0);
    int high = spawn_locker(m3, 30);
    CHECK(await_state(high, PROC_BLOCKED, 20));
    int lent[3] = { eff_prio(b), eff_prio(a), eff_prio(low) };
    EXPECT(lent[0] == 30 && lent[1] == 30 && lent[2] == 30,
           "high (30) waits for b, b for a, a for low: all three at 30; b %d, a %d, low %d",
           lent[0], lent[1], lent[2]);

    write(go[1], "g", 1);
    int status = 0, got = waitpid_within(high, &status, 0, STARVE) == high;
    int back[3] = { eff_prio(b), eff_prio(a), eff_prio(low) };
    kill(mid, SIGKILL);
    if (!got)
        got = waitpid(high, &status, 0) == high;
    CHECK(got && WIFEXITED(status));
    int waited = WEXITSTATUS(status);
    printf("  high waited %d ticks through a chain of 3 (low needed %d of CPU)\n", waited, WORK);
    EXPECT(waited <= BOUND, "high to get m3 within %d ticks, its priority lent down the "
                            "chain; it waited %d", BOUND, waited);
    EXPECT(back[0] == 14 && back[1] == 12 && back[2] == 10,
           "each back at its own priority once it unlocked: b 14, a 12, low 10; "
           "got %d, %d, %d", back[0], back[1], back[2]);
    int pids[] = { low, a, b };
    kill_all(pids, 3);
    while (wait(0) >= 0)
        ;
    CHECK(mutex_destroy(m1) == 0 && mutex_destroy(m2) == 0 && mutex_destroy(m3) == 0);
    DONE();
}
