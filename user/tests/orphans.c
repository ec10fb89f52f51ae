/* Orphans go to init. 300 rounds of a child that forks a grandchild and
 * exits at once: each grandchild sees getppid() become 1 and init reaps
 * it. Then 20 rounds where the grandchild is already a zombie when its
 * parent exits: init must reap those too. Afterwards nproc is back to its
 * start value, and this test's wait() never returned a grandchild.
 *
 * Every fork must succeed. Init may take up to REAP_BOUND ticks to reap an
 * orphan (under mlfq, once init has sunk to the bottom level, it waits for
 * the next boost: docs/scheduler.md, and user/schedtests/mlfq_reap.c), so
 * the test makes at most BATCH orphans before it checks that init has
 * reaped them, within that bound: the table (NPROC >= 64) never fills,
 * whatever the policy. */
#include "utest.h"

#define ROUNDS 300
#define ZOMBIE_ROUNDS 20
#define BATCH 16
#define REAP_BOUND 110                  /* ticks: mlfq's boost period + 10 */

int main(void)
{
    unsigned int start = nproc_now();
    int me = getpid();
    int fds[2];
    CHECK(pipe(fds) == 0);

    int bad_ppid = 0, bad_wait = 0, bad_read = 0, bad_reap = 0;
    for (int r = 0; r < ROUNDS; r++) {
        int child = fork();
        if (child == 0) {
            int parent = getpid();
            int g = fork();
            if (g == 0) {
                /* Wait (a bounded while: 100 ticks) for our parent to be
                 * gone; on several CPUs it exits while we run. */
                for (int t0 = uptime(); getppid() == parent && uptime() - t0 < 100;)
                    yield();
                int ppid = getppid();
                write(fds[1], &ppid, sizeof ppid);
                exit(0);
            }
            exit(g > 0 ? 0 : 1);    /* at once, leaving the grandchild */
        }
        int status = -5;
        if (wait(&status) != child || status != 0)
            bad_wait++;
        int ppid = 0;
        if (read(fds[0], &ppid, sizeof ppid) != (int)sizeof ppid)
            bad_read++;
        else if (ppid != 1) {
            if (bad_ppid++ < 3)
                printf("  round %d: the orphan's getppid() is %d, expected 1\n", r, ppid);
        }
        if ((r + 1) % BATCH == 0 && await_nproc(start, REAP_BOUND) != start) {
            printf("  round %d: init did not reap the last %d orphans within %d ticks\n",
                   r, BATCH, REAP_BOUND);
            bad_reap++;
            break;                      /* each further batch would wait the bound out */
        }
    }
    printf("  %d rounds: %d bad ppid, %d bad wait, %d bad read, %d slow reaps\n", ROUNDS,
           bad_ppid, bad_wait, bad_read, bad_reap);
    CHECK_EQ(bad_ppid, 0);
    CHECK_EQ(bad_wait, 0);
    CHECK_EQ(bad_read, 0);
    CHECK_EQ(bad_reap, 0);
    CHECK_EQ(wait(0), -1);              /* no grandchild ever became ours */
    unsigned int n = await_nproc(start, 50);
    printf("  nproc %u, start %u\n", n, start);
    CHECK_EQ(n, start);

    /* Zombie orphans: the grandchild has exited when its parent exits. */
    for (int r = 0; r < ZOMBIE_ROUNDS; r++) {
        int child = fork();
        if (child == 0) {
            int g = fork();
            if (g == 0)
                exit(0);
            exit(await_state(g, PROC_ZOMBIE, 50) ? 0 : 1);
        }
        int status = -5;
        if (wait(&status) != child || status != 0)
            bad_wait++;
    }
    CHECK_EQ(bad_wait, 0);
    CHECK_EQ(wait(0), -1);
    n = await_nproc(start, 50);
    printf("  after %d zombie orphans: nproc %u, start %u\n", ZOMBIE_ROUNDS, n, start);
    CHECK_EQ(n, start);
    CHECK_EQ(getpid(), me);
    DONE();
}
