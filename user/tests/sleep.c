/* sleep(n) lasts n to n+2 ticks by uptime() (n = 1, 5, 20) and returns 0;
 * sleep(0) returns 0 at once; a negative count returns -1 at once.
 * Sleepers wake in the order of their deadlines, not of their calls;
 * several with the same deadline all wake; a huge sleep does not wrap
 * around into an early wakeup. */
#include "utest.h"

static void timed(int n)
{
    for (int k = 0; k < 3; k++) {
        int t0 = uptime();
        int r = sleep(n);
        int dt = uptime() - t0;
        if (k == 0)
            printf("  sleep(%d): returned %d after %d ticks\n", n, r, dt);
        CHECK_EQ(r, 0);
        CHECK(dt >= n && dt <= n + 2);
    }
}

int main(void)
{
    timed(1);
    timed(5);
    timed(20);

    int t0 = uptime();
    CHECK_EQ(sleep(0), 0);
    CHECK_EQ(sleep(-1), -1);
    CHECK_EQ(sleep(-1000000), -1);
    CHECK_EQ(sleep((int)0x80000000), -1);
    CHECK(uptime() - t0 <= 1);

    /* The sleep list is ordered by deadline. */
    int fds[2];
    CHECK(pipe(fds) == 0);
    int ticks[] = { 25, 5, 15, 10, 20 };
    t0 = uptime();
    for (int i = 0; i < 5; i++) {
        if (fork() == 0) {
            sleep(ticks[i]);
            char c = (char)('0' + i);
            write(fds[1], &c, 1);
            exit(0);
        }
    }
    char order[6] = { 0 };
    for (int i = 0; i < 5; i++)
        CHECK_EQ(read(fds[0], &order[i], 1), 1);
    int dt = uptime() - t0;
    printf("  wake order %s (expected 13240) after %d ticks\n", order, dt);
    CHECK(strcmp(order, "13240") == 0);
    CHECK(dt >= 25 && dt <= 28);
    for (int i = 0; i < 5; i++)
        CHECK(wait(0) > 0);

    /* Same deadline: all three wake. */
    t0 = uptime();
    for (int i = 0; i < 3; i++)
        if (fork() == 0) {
            sleep(10);
            exit(0);
        }
    for (int i = 0; i < 3; i++)
        CHECK(wait(0) > 0);
    dt = uptime() - t0;
    CHECK(dt >= 10 && dt <= 13);

    /* sleep(INT_MAX) really sleeps (no wrap to an early wakeup). */
    int pid = fork();
    if (pid == 0) {
        sleep(0x7FFFFFFF);
        exit(0);
    }
    sleep(5);
    CHECK_EQ(proc_state(pid), PROC_BLOCKED);
    kill(pid, SIGKILL);
    int status = 0;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, -1);

    /* uptime() and sysinfo agree and never go backwards. */
    struct sysinfo si;
    int before = uptime();
    sysinfo(&si);
    int after = uptime();
    CHECK((int)si.uptime >= before && (int)si.uptime <= after);
    int last = uptime(), backwards = 0;
    for (int i = 0; i < 20000; i++) {
        int now = uptime();
        backwards += now < last;
        last = now;
    }
    CHECK_EQ(backwards, 0);
    DONE();
}
