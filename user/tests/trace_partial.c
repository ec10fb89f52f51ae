/* schedtrace() with a buffer that stops being writable partway: the
 * events that fit are delivered and consumed, the rest stay unread. With
 * the trace drained, three sleep(1)s record three `blocked` events of
 * ours (and their wakeups); a read into a buffer whose first slot is the
 * last 16 bytes of the heap (the next page is past the break, unmapped)
 * must return 1, and the next read must return the rest: all three
 * `blocked` events are seen once. A buffer with no writable slot returns
 * -1. */
#include "utest.h"

static struct sched_event ev[4096];

/* A page-aligned break; returns the start of a fresh heap page just below it. */
static char *last_heap_page(void)
{
    unsigned int top = (unsigned int)sbrk(0);
    if (top % 4096)
        sbrk((int)(4096 - top % 4096));
    return sbrk(4096);
}

static int count_blocked(const struct sched_event *e, int n, int pid)
{
    int c = 0;
    for (int i = 0; i < n; i++)
        c += e[i].kind == SCHED_EV_BLOCKED && e[i].from == pid;
    return c;
}

int main(void)
{
    char *page = last_heap_page();
    CHECK(page != (char *)-1);
    struct sched_event *edge = (struct sched_event *)(page + 4096) - 1;
    edge->tick = 0;                             /* the page is there */

    while (schedtrace(ev, 4096) > 0)            /* drain */
        ;
    for (int i = 0; i < 3; i++)
        sleep(1);
    int first = schedtrace(edge, 10);
    CHECK_EQ(first, 1);
    int rest = schedtrace(ev, 4096);
    printf("  partial read: %d, then %d more\n", first, rest);
    CHECK(rest >= 2);
    int blocked = count_blocked(edge, first > 0 ? first : 0, getpid())
                  + count_blocked(ev, rest > 0 ? rest : 0, getpid());
    CHECK_EQ(blocked, 3);

    sleep(1);                                   /* something unread again */
    CHECK_EQ(schedtrace(edge + 1, 10), -1);     /* no writable slot */
    CHECK(schedtrace(ev, 4096) >= 1);           /* and nothing lost */
    DONE();
}
