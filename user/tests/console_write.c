/* One long write to the console does not stop the clock and can be
 * killed: a child writes 16 MiB (about 100 s of output) in one write();
 * meanwhile the parent's sleep(3) returns within a few ticks of time,
 * and kill ends the child at once, its write cut short. Before console
 * writes had preemption points, the whole write ran with interrupts off:
 * the clock stood still and the parent slept until the write ended. */
#include "utest.h"

#define BIG (16 << 20)
/* Slack for the scheduler: the writer may finish its time slice (or win a
 * lottery) before the parent runs. Without preemption points the sleep
 * lasted the whole write, about 10,000 ticks. */
#define SLACK 12

int main(void)
{
    int pid = fork();
    if (pid == 0) {
        char *buf = sbrk(BIG);          /* demand-zero: only what is written gets frames */
        if (buf == (char *)-1)
            exit(3);
        buf[0] = '\r';
        exit(write(1, buf, BIG) == BIG ? 0 : 4);
    }
    CHECK(pid > 0);
    int t0 = uptime();
    sleep(3);
    int slept = uptime() - t0;
    int r = kill(pid, SIGKILL);
    int status = 0;
    int w = wait(&status);
    int dt = uptime() - t0;
    printf("\n  slept %d ticks during the write; kill %d, wait %d, status %d, %d ticks in all\n",
           slept, r, w == pid ? pid : w, status, dt);
    CHECK(slept >= 3 && slept <= 3 + SLACK);
    CHECK_EQ(r, 0);
    CHECK_EQ(w, pid);
    CHECK_EQ(status, -1);
    CHECK(dt <= 3 + 2 * SLACK);
    DONE();
}
