/* The scheduling trace, under any policy: schedtrace() returns the
 * events in order of time, with the kinds the kernel promises: a fork is
 * "new", a yield with someone else ready is "yielded", a sleep "blocked"
 * then "ready", an exit "exited"; bad arguments give -1 and consume
 * nothing. */
#include "stest.h"

static struct sched_event ev[4096];

static int started[2];

/* Yields while the spinner is surely ready (it has started, and spins for
 * 30 ticks): every policy must then switch to it at least once. */
static int yielder(void)
{
    char c;
    read(started[0], &c, 1);
    for (int i = 0; i < 20; i++)
        yield();
    sleep(2);
    return 0;
}

int main(void)
{
    CHECK(schedtrace(ev, -1) == -1);
    CHECK(schedtrace(ev, 0) == 0);
    while (schedtrace(ev, 4096) > 0)
        ;                                   /* start from an empty trace */
    int me = getpid();
    pipe(started);
    int a = fork();
    if (a == 0)
        exit(yielder());
    int b = fork();
    if (b == 0) {
        write(started[1], "s", 1);
        spin_ticks(30);                     /* ready whenever a yields */
        exit(0);
    }
    wait_for(a);
    wait_for(b);
    int n = schedtrace(ev, 4096);
    printf("  %d events\n", n);
    int seen_new = 0, seen_yield = 0, seen_block = 0, seen_ready = 0, seen_exit = 0, ordered = 1;
    int ran_a = 0, lost = 0;
    for (int i = 0; i < n; i++) {
        const struct sched_event *e = &ev[i];
        if (i > 0 && e->tick < ev[i - 1].tick)
            ordered = 0;
        lost |= e->kind == SCHED_EV_LOST;
        seen_new |= e->kind == SCHED_EV_NEW && e->from == me && e->to == a;
        ran_a |= e->to == a && e->kind < SCHED_EV_NEW;
        seen_yield |= e->kind == SCHED_EV_YIELDED && e->from == a;
        seen_block |= e->kind == SCHED_EV_BLOCKED && e->from == a;
        seen_ready |= e->kind == SCHED_EV_READY && e->to == a;
        seen_exit |= e->kind == SCHED_EV_EXITED && e->from == a;
    }
    CHECK(ordered);
    CHECK(!lost);
    EXPECT(seen_new, "a \"new\" event from pid %d to %d", me, a);
    EXPECT(ran_a, "a switch to pid %d", a);
    EXPECT(seen_yield, "a \"yielded\" switch from pid %d", a);
    EXPECT(seen_block && seen_ready, "pid %d's sleep as \"blocked\" then \"ready\"", a);
    EXPECT(seen_exit, "an \"exited\" switch from pid %d", a);
    /* A bad buffer gives -1 and takes nothing off the trace: our own
     * sleep's "blocked" event is still there for the next good read. */
    while (schedtrace(ev, 4096) > 0)
        ;
    sleep(1);
    CHECK(schedtrace((struct sched_event *)0xC0000000, 10) == -1);
    n = schedtrace(ev, 4096);
    int kept = 0;
    for (int i = 0; i < n; i++)
        kept |= ev[i].kind == SCHED_EV_BLOCKED && ev[i].from == me;
    EXPECT(n > 0 && kept, "pid %d's \"blocked\" event still there after the bad read "
           "(got %d events)", me, n);
    DONE();
}
