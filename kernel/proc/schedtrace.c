/* The scheduling trace's ring buffer; see schedtrace.h. */
#include "proc/schedtrace.h"

#include "core/clock.h"
#include "core/cmdline.h"
#include "core/kprintf.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/uaccess.h"
#include "proc/sched.h"

BOOT_PARAM(schedtrace, "schedtrace=dump: print the unread scheduling trace at power-off; =off: record nothing");

/* Guarded by sched_lock. head counts events ever written, tail events
 * ever read or overwritten; the unread ones are ring[tail..head). */
static struct sched_event ring[SCHED_TRACE_LEN];
static uint32_t head, tail, lost;

static const char *const event_names[] = {
#define SCHED_EVENT_NAME(name, text) [SCHED_EV_##name] = text,
    SCHED_EVENTS(SCHED_EVENT_NAME)
#undef SCHED_EVENT_NAME
};

const char *sched_event_name(int kind)
{
    return kind >= 0 && kind < SCHED_EV_COUNT ? event_names[kind] : "?";
}

static bool trace_off(void)
{
    static int off = -1;                /* the command line, read once */
    if (off < 0) {
        const char *v = cmdline_get("schedtrace");
        off = v && strcmp(v, "off") == 0;
    }
    return off;
}

void sched_trace(enum sched_event_kind kind, int from, int to)
{
    ASSERT(spin_holding(&sched_lock));
    if (trace_off())
        return;
    if (head - tail == SCHED_TRACE_LEN) {
        tail++;                         /* overwrite the oldest */
        lost++;
    }
    ring[head % SCHED_TRACE_LEN] = (struct sched_event){ clock_ticks(), from, to, kind };
    head++;
}

/* Takes up to max unread events into buf; sched_lock held. */
static int take(struct sched_event *buf, int max)
{
    int n = 0;
    if (lost && max > 0) {
        buf[n++] = (struct sched_event){ clock_ticks(), (int)lost, 0, SCHED_EV_LOST };
        lost = 0;
    }
    for (; n < max && tail != head; tail++)
        buf[n++] = ring[tail % SCHED_TRACE_LEN];
    return n;
}

int sched_trace_read(uint32_t ubuf, int max)
{
    /* In chunks through a small buffer: copyout runs without the lock. */
    struct sched_event chunk[32];
    int total = 0;
    /* Events are consumed as they are read: check the whole buffer first,
     * so that a bad one loses nothing. */
    uint64_t bytes = (uint64_t)max * sizeof chunk[0];
    if (bytes > 0xFFFFFFFFu || !user_buffer_ok(ubuf, (uint32_t)bytes, true))
        return -1;
    while (total < max) {
        int want = max - total < 32 ? max - total : 32;
        spin_lock(&sched_lock);
        int n = take(chunk, want);
        spin_unlock(&sched_lock);
        if (n == 0)
            break;
        if (copyout(ubuf + (uint32_t)total * sizeof chunk[0], chunk, (uint32_t)n * sizeof chunk[0]) < 0)
            return -1;
        total += n;
    }
    return total;
}

void sched_trace_dump(void)
{
    const char *v = cmdline_get("schedtrace");
    if (!v || strcmp(v, "dump") != 0)
        return;
    kprintf("schedtrace hz=%u policy=%s\n", HZ, sched_policy()->name);
    struct sched_event ev;
    for (;;) {
        spin_lock(&sched_lock);
        int n = take(&ev, 1);
        spin_unlock(&sched_lock);
        if (n == 0)
            break;
        kprintf("ev %u %d %d %s\n", ev.tick, ev.from, ev.to, sched_event_name(ev.kind));
    }
    kprintf("schedtrace end\n");
}
