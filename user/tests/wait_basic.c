/* wait: returns -1 (and leaves *status alone) when there are no children;
 * wait(NULL) reaps a child without storing its status; wait blocks until
 * a sleeping child exits; a zombie is reaped at once; the child that
 * exits first is returned first; grandchildren are not ours to wait for;
 * a status pointer that cannot be written gives -1 at once, leaving the
 * child for a correct call. */
#include "utest.h"

int main(void)
{
    int status = 1234;
    CHECK_EQ(wait(&status), -1);
    CHECK_EQ(status, 1234);
    CHECK_EQ(wait(0), -1);

    /* wait(NULL) */
    int pid = fork();
    if (pid == 0)
        exit(9);
    CHECK_EQ(wait(0), pid);
    CHECK_EQ(wait(0), -1);

    /* wait blocks while the child sleeps. */
    int t0 = uptime();
    pid = fork_sleeper(20, 3);
    status = -5;
    CHECK_EQ(wait(&status), pid);
    int dt = uptime() - t0;
    printf("  wait for a child sleeping 20 ticks returned after %d ticks\n", dt);
    CHECK(dt >= 20 && dt <= 25);
    CHECK_EQ(status, 3);

    /* A zombie is reaped without blocking. */
    pid = fork();
    if (pid == 0)
        exit(4);
    CHECK(await_state(pid, PROC_ZOMBIE, 50));
    t0 = uptime();
    CHECK_EQ(wait(&status), pid);
    CHECK(uptime() - t0 <= 1);
    CHECK_EQ(status, 4);

    /* The first child to exit is the first returned, whatever the fork order. */
    t0 = uptime();
    int slow = fork_sleeper(30, 6), fast = fork_sleeper(5, 7);
    CHECK_EQ(wait(&status), fast);
    CHECK_EQ(status, 7);
    dt = uptime() - t0;
    CHECK(dt >= 5 && dt <= 10);
    CHECK_EQ(wait(&status), slow);
    CHECK_EQ(status, 6);
    dt = uptime() - t0;
    CHECK(dt >= 30 && dt <= 35);

    /* A grandchild is not ours: once the child is reaped, wait says -1
     * although the grandchild is still alive (now init's). */
    int fds[2];
    pipe(fds);
    pid = fork();
    if (pid == 0) {
        int g = fork_sleeper(50, 8);
        write(fds[1], &g, sizeof g);
        exit(g > 0 ? 2 : 1);
    }
    int grandchild = 0;
    CHECK_EQ(read(fds[0], &grandchild, sizeof grandchild), (int)sizeof grandchild);
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 2);
    /* Alive: it has not run, or sleeps, or (with several CPUs) is on its
     * way to sleep on another CPU right now. */
    int gs = proc_state(grandchild);
    CHECK(gs == PROC_READY || gs == PROC_BLOCKED || gs == PROC_RUNNING);
    t0 = uptime();
    CHECK_EQ(wait(&status), -1);
    CHECK(uptime() - t0 <= 1);          /* and it did not wait for it */
    unsigned int n = nproc_now();
    CHECK_EQ(kill(grandchild, SIGKILL), 0);      /* init reaps it */
    CHECK_EQ(await_nproc(n - 1, 20), n - 1);

    /* A status pointer that cannot be written: -1 at once, and the child
     * stays for a later, correct call (docs/syscalls.md). */
    unsigned int before = nproc_now();
    int bad_ptrs[] = { 0xC0100000, (int)main, 0x10 };
    for (int i = 0; i < 3; i++) {
        pid = fork();
        if (pid == 0)
            exit(5 + i);
        CHECK(await_state(pid, PROC_ZOMBIE, 20));
        CHECK_EQ(wait((int *)bad_ptrs[i]), -1);
        CHECK_EQ(proc_state(pid), PROC_ZOMBIE);
        CHECK_EQ(nproc_now(), before + 1);
        status = -5;
        CHECK_EQ(wait(&status), pid);
        CHECK_EQ(status, 5 + i);
        CHECK_EQ(nproc_now(), before);
    }
    /* ...also when the child has not exited yet: no blocking first. */
    pid = fork_sleeper(1000, 0);
    t0 = uptime();
    CHECK_EQ(wait((int *)0xC0100000), -1);
    CHECK(uptime() - t0 <= 1);
    kill(pid, SIGKILL);
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, -1);
    DONE();
}
