/* suspend/resume: a suspended spinner reads PROC_SUSPENDED and gets no CPU
 * ticks for 20 ticks, then runs again once resumed; a suspended sleeper
 * reads PROC_SUSPENDED and does not run when its sleep ends, only after
 * resume (and then sleep returns 0); a child suspended while blocked on
 * a pipe does not read the data that arrives until resumed; a process can
 * suspend itself; suspending twice returns 0 and one resume undoes it;
 * resuming what is not suspended, and suspend/resume of init, zombies and
 * bad pids return -1. */
#include "utest.h"

static volatile unsigned int counter;

static int spinner(void)
{
    for (;;)
        counter++;
    return 0;                   /* not reached */
}

static void spinner_case(void)
{
    int pid = spawn(spinner);
    sleep(3);
    CHECK(proc_ticks(pid) > 0);
    CHECK_EQ(resume(pid), -1);              /* not suspended */
    CHECK_EQ(suspend(pid), 0);
    CHECK_EQ(suspend(pid), 0);              /* twice: still 0 */
    CHECK_EQ(proc_state(pid), PROC_SUSPENDED);
    unsigned int t1 = proc_ticks(pid);
    sleep(20);
    unsigned int t2 = proc_ticks(pid);
    printf("  suspended spinner: %u ticks before, %u after 20 ticks\n", t1, t2);
    CHECK_EQ(t2, t1);
    CHECK_EQ(proc_state(pid), PROC_SUSPENDED);
    CHECK_EQ(resume(pid), 0);               /* one resume undoes both */
    CHECK_EQ(resume(pid), -1);
    sleep(20);
    unsigned int t3 = proc_ticks(pid);
    printf("  resumed spinner: %u ticks after 20 more\n", t3);
    CHECK(t3 >= t2 + 10);
    int s = proc_state(pid);
    CHECK(s == PROC_READY || s == PROC_RUNNING);
    CHECK_EQ(kill(pid, SIGKILL), 0);
    int status = 0;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, -1);
}

/* The child sleeps 10 ticks, then reports sleep's result and the time. */
static void sleeper_case(int fds[2])
{
    int pid = fork();
    if (pid == 0) {
        int r = sleep(10);
        int report[2] = { r, uptime() };
        write(fds[1], report, sizeof report);
        exit(0);
    }
    CHECK(await_state(pid, PROC_BLOCKED, 5));
    CHECK_EQ(suspend(pid), 0);
    CHECK_EQ(proc_state(pid), PROC_SUSPENDED);
    unsigned int ticks_before = proc_ticks(pid);
    sleep(30);                              /* its sleep ended long ago */
    CHECK_EQ(proc_state(pid), PROC_SUSPENDED);
    unsigned int ticks = proc_ticks(pid);
    int resumed_at = uptime();
    CHECK_EQ(resume(pid), 0);
    int report[2] = { -5, 0 };
    CHECK_EQ(read(fds[0], report, sizeof report), (int)sizeof report);
    printf("  suspended sleeper: sleep returned %d at tick %d, resumed at %d\n",
           report[0], report[1], resumed_at);
    CHECK_EQ(report[0], 0);
    CHECK(report[1] >= resumed_at);
    /* It had not run meanwhile.  (Not "ticks <= 1": on a starved emulated
     * CPU the few instructions from fork to sleep can span several ticks.) */
    CHECK_EQ(ticks, ticks_before);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
}

/* The child blocks reading a pipe; data arrives while it is suspended. */
static void reader_case(void)
{
    int in[2], out[2];
    CHECK(pipe(in) == 0 && pipe(out) == 0);
    int pid = fork();
    if (pid == 0) {
        char c;
        if (read(in[0], &c, 1) != 1)
            exit(1);
        c++;
        write(out[1], &c, 1);
        exit(0);
    }
    CHECK(await_state(pid, PROC_BLOCKED, 5));
    CHECK_EQ(suspend(pid), 0);
    CHECK_EQ(write(in[1], "A", 1), 1);      /* wakes it... into SUSPENDED */
    sleep(10);
    CHECK_EQ(proc_state(pid), PROC_SUSPENDED);
    CHECK_EQ(resume(pid), 0);
    char c = 0;
    CHECK_EQ(read(out[0], &c, 1), 1);
    CHECK_EQ(c, 'B');
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
    close(in[0]);
    close(in[1]);
    close(out[0]);
    close(out[1]);
}

/* The child suspends itself: suspend returns only after our resume. */
static void self_case(int fds[2])
{
    int pid = fork();
    if (pid == 0) {
        int r = suspend(getpid());
        write(fds[1], &r, sizeof r);
        exit(0);
    }
    CHECK(await_state(pid, PROC_SUSPENDED, 10));
    sleep(5);
    CHECK_EQ(proc_state(pid), PROC_SUSPENDED);
    CHECK_EQ(resume(pid), 0);
    int r = -5;
    CHECK_EQ(read(fds[0], &r, sizeof r), (int)sizeof r);
    CHECK_EQ(r, 0);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
}

int main(void)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    spinner_case();
    sleeper_case(fds);
    reader_case();
    self_case(fds);

    /* Bad targets. */
    CHECK_EQ(suspend(1), -1);
    CHECK_EQ(resume(1), -1);
    CHECK_EQ(kill(1, SIGKILL), -1);
    CHECK_EQ(proc_state(1), PROC_BLOCKED);  /* init runs on */
    int bad[] = { 0, -1, -100, 999999 };
    for (int i = 0; i < 4; i++) {
        CHECK_EQ(suspend(bad[i]), -1);
        CHECK_EQ(resume(bad[i]), -1);
    }
    int pid = fork();
    if (pid == 0)
        exit(0);
    CHECK(await_state(pid, PROC_ZOMBIE, 10));
    CHECK_EQ(suspend(pid), -1);
    CHECK_EQ(resume(pid), -1);
    CHECK_EQ(proc_state(pid), PROC_ZOMBIE);
    CHECK_EQ(wait(0), pid);
    CHECK_EQ(suspend(pid), -1);             /* and once it is gone */
    DONE();
}
