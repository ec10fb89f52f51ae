/* What a process may do to another (docs/processes.md): init refuses
 * kill, suspend and setpriority, and keeps its priority; no process may
 * suspend one of its ancestors (its parent, its grandparent), which would
 * be left suspended with no one to resume it; a process that has been
 * killed cannot be suspended on its way out (kill then, at once, suspend
 * while it is ready: its parent's wait still returns). */
#include "utest.h"

static volatile unsigned int counter;

static int spinner(void)
{
    for (;;)
        counter++;
    return 0;                   /* not reached */
}

static void init_case(void)
{
    int prio = getpriority(1);
    CHECK(prio >= 0);
    CHECK_EQ(kill(1, SIGKILL), -1);
    CHECK_EQ(suspend(1), -1);
    CHECK_EQ(setpriority(1, 0), -1);
    CHECK_EQ(setpriority(1, prio == 0 ? 1 : prio - 1), -1);
    CHECK_EQ(getpriority(1), prio);
    CHECK_EQ(proc_state(1), PROC_BLOCKED);
    /* Our own priority may still change, and change back. */
    int mine = getpriority(getpid());
    CHECK_EQ(setpriority(getpid(), mine), 0);
}

/* The child tries to suspend its parent (us); its own child tries its
 * parent and its grandparent (us). Each must be refused. */
static int child(void)
{
    int grandparent = getppid();
    if (suspend(grandparent) != -1)
        return 1;
    int pid = fork();
    if (pid == 0)
        exit(suspend(getppid()) == -1 && suspend(grandparent) == -1 ? 0 : 1);
    int status = -5;
    if (wait(&status) != pid)
        return 2;
    return status == 0 ? 0 : 3;
}

static void ancestor_case(void)
{
    int pid = spawn(child);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
    CHECK_EQ(proc_state(getpid()), PROC_RUNNING);
}

/* The child spins: while we run it is READY (both on CPU 0, so also with
 * several CPUs). Killed, it must die, so suspend refuses it and wait
 * returns. */
static void killed_case(void)
{
    int mask = getaffinity(0);
    CHECK_EQ(setaffinity(0, 1), 0);     /* the child inherits it */
    int pid = spawn(spinner);
    CHECK(await_state(pid, PROC_READY, 20));
    CHECK_EQ(kill(pid, SIGKILL), 0);
    CHECK_EQ(suspend(pid), -1);
    int status = 0;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, -1);
    CHECK_EQ(setaffinity(0, (unsigned int)mask), 0);
}

int main(void)
{
    init_case();
    ancestor_case();
    killed_case();
    DONE();
}
