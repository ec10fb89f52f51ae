/* wait and waitpid block: a parent waiting 60 ticks for its child is
 * chosen to run a handful of times, not once a tick (a wait that polls
 * fails here); a killed waiter dies at once; exits that race on several
 * CPUs (a parent and its children leaving at the same tick, children
 * exiting while their parent hands them to init) lose no process and
 * give no one a child that is not theirs. */
#include "utest.h"

#define WAIT_TICKS 60
#define MAX_RUNS 5                      /* chosen to run while waiting: woken once, plus slack */
#define RACES 40
#define RACE_KIDS 3

static unsigned int my_runs(void)
{
    struct procinfo pi;
    return proc_info(getpid(), &pi) == 0 ? pi.nscheduled : 0;
}

/* How often the caller runs while wait (waitpid if by_pid) waits
 * WAIT_TICKS for a sleeping child; checks the status on the way. */
static unsigned int runs_while_waiting(int by_pid)
{
    int pid = fork_sleeper(WAIT_TICKS, 11);
    unsigned int before = my_runs();
    int status = -5;
    int got = by_pid ? waitpid(pid, &status, 0) : wait(&status);
    unsigned int runs = my_runs() - before;
    CHECK_EQ(got, pid);
    CHECK_EQ(by_pid ? WEXITSTATUS(status) : status, 11);
    printf("  %s waited %d ticks and ran %u times meanwhile\n", by_pid ? "waitpid" : "wait",
           WAIT_TICKS, runs);
    return runs;
}

/* A child blocked in wait is killed: it dies at once, not when its own
 * child ends. */
static void killed_waiter(void)
{
    int w = fork();
    if (w == 0) {
        fork_sleeper(1000, 0);
        exit(wait(0) == -1 ? 3 : 4);
    }
    CHECK(await_state(w, PROC_BLOCKED, 50));
    sleep(2);
    CHECK_EQ(kill(w, SIGKILL), 0);
    int t0 = uptime(), status = 0;
    CHECK_EQ(wait(&status), w);
    CHECK(uptime() - t0 <= 2);
    CHECK_EQ(status, -1);               /* killed: -1, whatever wait returned inside */
}

/* A parent and its children leave at the same tick, on every CPU (but
 * one child, which surely outlives it): the children go to init, which
 * reaps them; we get back our own child only, with its status. */
static int race_round(int r)
{
    int at = uptime() + 2;
    int child = fork();
    if (child == 0) {
        for (int k = 0; k < RACE_KIDS; k++)
            if (fork() == 0) {
                while (uptime() < at)
                    ;
                if (k == 0)
                    sleep(2);           /* one surely outlives its parent */
                exit(k);
            }
        while (uptime() < at)
            ;
        exit(r & 0x7F);
    }
    int status = -5;
    return wait(&status) == child && status == (r & 0x7F);
}

int main(void)
{
    CHECK(runs_while_waiting(0) <= MAX_RUNS);
    CHECK(runs_while_waiting(1) <= MAX_RUNS);
    killed_waiter();

    unsigned int start = nproc_now();
    int good = 0;
    for (int r = 0; r < RACES; r++) {
        if (!race_round(r))
            break;                      /* the rest would only fill the table */
        good++;
        if (r % 8 == 7)
            await_nproc(start, 20);
    }
    printf("  %d of %d exit races: our child and its status only\n", good, RACES);
    CHECK_EQ(good, RACES);
    CHECK_EQ(wait(0), -1);              /* no grandchild became ours */
    unsigned int n = await_nproc(start, 100);
    printf("  nproc %u after the races, %u before\n", n, start);
    CHECK_EQ(n, start);
    DONE();
}
