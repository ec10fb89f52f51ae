/* kill: a spinning child, a sleeping one (sleep(1000)), one blocked
 * reading an empty pipe, one blocked writing a full pipe, one blocked in
 * wait(), a suspended one, and a sleeping one that is also suspended: each
 * dies within a few ticks and its parent's wait sees status -1. A process
 * may kill a process that is not its child, and may kill itself (it never
 * runs past the system call). kill(-1, SIGKILL), a group that does not
 * exist, kill(999999, SIGKILL), kill of a zombie (whose status survives)
 * and kill(1, SIGKILL) return -1; kill(0, 0) finds our own group. */
#include "utest.h"

#define PROMPT 5                /* ticks a kill may take to land */

/* Kills pid (our child) and reaps it: it must die promptly with -1. */
static void kill_and_reap(int pid, const char *what)
{
    int t0 = uptime();
    int r = kill(pid, SIGKILL);
    int status = 0;
    int w = wait(&status);
    int dt = uptime() - t0;
    printf("  %s: kill %d, wait %d, status %d, %d ticks\n", what, r, w == pid ? pid : w,
           status, dt);
    CHECK_EQ(r, 0);
    CHECK_EQ(w, pid);
    CHECK_EQ(status, -1);
    CHECK(dt <= PROMPT);
}

/* A child that says it is ready through `ready`, then runs fn. */
static int start_child(int ready[2], void (*fn)(void))
{
    int pid = fork();
    if (pid == 0) {
        write(ready[1], "r", 1);
        fn();
        exit(7);                /* never: fn blocks or spins */
    }
    char c;
    CHECK_EQ(read(ready[0], &c, 1), 1);
    return pid;
}

static volatile unsigned int counter;
static int pipe_fds[2];

static void spin(void)
{
    for (;;)
        counter++;
}

static void sleep_long(void)
{
    sleep(1000);
}

static void read_empty(void)
{
    char c;
    read(pipe_fds[0], &c, 1);
}

static void write_full(void)
{
    static char buf[8192];
    write(pipe_fds[1], buf, sizeof buf);
}

static void wait_for_child(void)
{
    int pid = fork();
    if (pid == 0) {
        sleep(1000);
        exit(0);
    }
    write(pipe_fds[1], &pid, sizeof pid);
    wait(0);
}

int main(void)
{
    int ready[2];
    CHECK(pipe(ready) == 0);
    CHECK(pipe(pipe_fds) == 0);

    int pid = start_child(ready, spin);
    sleep(2);
    kill_and_reap(pid, "spinning");

    pid = start_child(ready, sleep_long);
    CHECK(await_state(pid, PROC_BLOCKED, 20));
    kill_and_reap(pid, "sleep(1000)");

    pid = start_child(ready, read_empty);
    CHECK(await_state(pid, PROC_BLOCKED, 20));
    kill_and_reap(pid, "reading an empty pipe");

    pid = start_child(ready, write_full);
    CHECK(await_state(pid, PROC_BLOCKED, 20));
    kill_and_reap(pid, "writing a full pipe");
    /* Empty the pipe again (the child filled it before blocking). */
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    CHECK(pipe(pipe_fds) == 0);

    /* Blocked in wait(): its own child, a grandchild to us, sleeps. */
    pid = start_child(ready, wait_for_child);
    int grandchild = 0;
    CHECK_EQ(read(pipe_fds[0], &grandchild, sizeof grandchild), (int)sizeof grandchild);
    CHECK(await_state(pid, PROC_BLOCKED, 20));
    kill_and_reap(pid, "blocked in wait");
    /* The grandchild, now init's, is still asleep; kill it too (not our
     * child: kill works on any process but init). */
    CHECK(await_state(grandchild, PROC_BLOCKED, 20));
    struct procinfo pi;
    CHECK(proc_info(grandchild, &pi) == 0 && pi.ppid == 1);
    unsigned int start = nproc_now();
    CHECK_EQ(kill(grandchild, SIGKILL), 0);
    CHECK_EQ(await_nproc(start - 1, 20), start - 1);  /* died and init reaped it */

    /* Our grandchild again, killed by us: its parent sees -1. */
    pid = fork();
    if (pid == 0) {
        int g = fork();
        if (g == 0) {
            sleep(1000);
            exit(0);
        }
        write(pipe_fds[1], &g, sizeof g);
        int status = 0;
        int w = wait(&status);
        exit(w == g && status == -1 ? 0 : 1);
    }
    CHECK_EQ(read(pipe_fds[0], &grandchild, sizeof grandchild), (int)sizeof grandchild);
    CHECK(await_state(grandchild, PROC_BLOCKED, 20));
    CHECK_EQ(kill(grandchild, SIGKILL), 0);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);

    /* Suspended while spinning. */
    pid = start_child(ready, spin);
    CHECK_EQ(suspend(pid), 0);
    CHECK(await_state(pid, PROC_SUSPENDED, 20));
    kill_and_reap(pid, "suspended");

    /* Suspended while asleep. */
    pid = start_child(ready, sleep_long);
    CHECK(await_state(pid, PROC_BLOCKED, 20));
    CHECK_EQ(suspend(pid), 0);
    CHECK_EQ(proc_state(pid), PROC_SUSPENDED);
    kill_and_reap(pid, "asleep and suspended");

    /* Killing itself: nothing after the kill call runs. */
    int out[2];
    CHECK(pipe(out) == 0);
    pid = fork();
    if (pid == 0) {
        close(out[0]);
        int r = kill(getpid(), SIGKILL);
        write(out[1], &r, sizeof r);    /* must never happen */
        exit(3);
    }
    close(out[1]);
    int r = 0;
    CHECK_EQ(read(out[0], &r, sizeof r), 0);    /* EOF: it died first */
    close(out[0]);
    status = 0;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, -1);

    /* Bad targets. */
    CHECK_EQ(kill(0, 0), 0);                             /* our group exists */
    CHECK_EQ(kill(-1, SIGKILL), -1);
    CHECK_EQ(kill(-12345, SIGKILL), -1);
    CHECK_EQ(kill(999999, SIGKILL), -1);
    CHECK_EQ(kill(1, SIGKILL), -1);                      /* init */
    CHECK_EQ(proc_state(1), PROC_BLOCKED);      /* and init is fine */
    pid = fork();
    if (pid == 0)
        exit(42);
    CHECK(await_state(pid, PROC_ZOMBIE, 20));
    CHECK_EQ(kill(pid, SIGKILL), -1);                    /* a zombie */
    status = 0;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 42);                       /* its status survived */
    CHECK_EQ(kill(pid, SIGKILL), -1);                    /* and now it is gone */
    CHECK_EQ(wait(0), -1);
    DONE();
}
