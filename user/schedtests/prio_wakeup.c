/* prio: a process that wakes up preempts a running process of lower
 * priority at once, not at the end of its quantum: a priority-25 process
 * that sleeps a tick at a time, against a priority-10 spinner, is never
 * more than a tick late. */
#include "stest.h"

#define ROUNDS 60

static int sleeper(void)
{
    int worst = 0, late_total = 0;
    for (int i = 0; i < ROUNDS; i++) {
        int t0 = uptime();
        sleep(1);
        int late = uptime() - t0 - 1;
        late_total += late;
        if (late > worst)
            worst = late;
    }
    printf("  %d sleeps of 1 tick against a spinner: worst %d, total %d ticks late\n", ROUNDS,
           worst, late_total);
    return worst <= 1 && late_total <= ROUNDS / 10 ? 0 : 1;
}

int main(void)
{
    CHECK(setpriority(getpid(), 31) == 0);
    int spinner = spawn_spinner(-1, 0, 0);
    CHECK(setpriority(spinner, 10) == 0);
    int pid = fork();
    if (pid == 0)
        exit(sleeper());
    CHECK(setpriority(pid, 25) == 0);
    int status = wait_for(pid);
    EXPECT(status == 0, "the priority-25 sleeper never to wait behind the priority-10 spinner");
    kill(spinner, SIGKILL);
    wait(0);
    DONE();
}
