/* The scheduling trace's ring buffer; see schedtrace.h. */
#include "proc/schedtrace.h"

#include "core/clock.h"
#include "core/cmdline.h"
#include "core/kprintf.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
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

/* schedtrace=off, read from the command line at the first event: -1
 * until then. Checked inline at every switch, so the check is one load
 * and the command line is read once, out of line. */
static int trace_off_state = -1;

static __attribute__((noinline)) bool trace_off_read(void)
{
    const char *v = cmdline_get("schedtrace");
    trace_off_state = v && strcmp(v, "off") == 0;
    return trace_off_state;
}

static inline bool trace_off(void)
{
    return trace_off_state < 0 ? trace_off_read() : trace_off_state;
}

/* Appends one event; sched_lock held. Inlined into both callers: the
 * switch path is hot. */
static inline void record(enum sched_event_kind kind, int from, int to, int cpu)
{
    ASSERT(spin_holding(&sched_lock));
    if (trace_off())
        return;
    if (head - tail == SCHED_TRACE_LEN) {
        tail++;                         /* overwrite the oldest */
        lost++;
    }
    ring[head % SCHED_TRACE_LEN] = (struct sched_event){ clock_ticks(), from, to, kind, cpu };
    head++;
}

void sched_trace(enum sched_event_kind kind, int from, int to, int cpu)
{
    record(kind, from, to, cpu);
}

void sched_trace_switch(enum sched_event_kind why, const struct proc *prev,
                        const struct proc *next)
{
    struct cpu *c = this_cpu();
    record(prev == c->idle ? SCHED_EV_WOKEN : why, prev->pid, next->pid, c->id);
}

/* Where a read stands: the ring position its events start at, and
 * whether it began with a "lost" record (and for how many). */
struct trace_cursor {
    uint32_t tail;
    uint32_t lost;
};

/* Copies up to max unread events into buf without consuming them (the
 * caller consumes what it delivers); sched_lock held. */
static int peek(struct sched_event *buf, int max, struct trace_cursor *at)
{
    int n = 0;
    *at = (struct trace_cursor){ tail, 0 };
    if (lost && max > 0) {
        buf[n++] = (struct sched_event){ clock_ticks(), (int)lost, 0, SCHED_EV_LOST, -1 };
        at->lost = lost;
    }
    for (uint32_t t = tail; n < max && t != head; t++)
        buf[n++] = ring[t % SCHED_TRACE_LEN];
    return n;
}

/* Consumes the first n events a peek at `at` returned; sched_lock held.
 * Events overwritten meanwhile have already moved tail on (and been
 * counted lost), so tail only ever moves forward. */
static void consume(const struct trace_cursor *at, int n)
{
    if (at->lost && n > 0) {
        lost -= at->lost;
        n--;
    }
    uint32_t to = at->tail + (uint32_t)n;
    if ((int32_t)(to - tail) > 0)
        tail = to;
}

/* Copies n events to user memory at ubuf, in order, stopping at the
 * first that cannot be written; returns how many were written. */
static int deliver(uint32_t ubuf, const struct sched_event *ev, int n)
{
    if (copyout(ubuf, ev, (uint32_t)n * sizeof *ev) == 0)
        return n;
    int i = 0;
    while (i < n && copyout(ubuf + (uint32_t)i * sizeof *ev, &ev[i], sizeof *ev) == 0)
        i++;
    return i;
}

int sched_trace_read(uint32_t ubuf, int max)
{
    /* In chunks through a small buffer: copyout runs without the lock,
     * and an event leaves the ring only once it is in the user's buffer
     * (a copy can fail halfway: a bad page, no memory for a copy-on-write
     * break). */
    struct sched_event chunk[32];
    struct trace_cursor at;
    int total = 0;
    if (max > 0 && !user_buffer_ok(ubuf, sizeof chunk[0], true))
        return -1;
    while (total < max) {
        int want = max - total < 32 ? max - total : 32;
        spin_lock(&sched_lock);
        int n = peek(chunk, want, &at);
        spin_unlock(&sched_lock);
        if (n == 0)
            break;
        int sent = deliver(ubuf + (uint32_t)total * sizeof chunk[0], chunk, n);
        spin_lock(&sched_lock);
        consume(&at, sent);
        spin_unlock(&sched_lock);
        total += sent;
        if (sent < n)
            return total > 0 ? total : -1;
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
    struct trace_cursor at;
    for (;;) {
        spin_lock(&sched_lock);
        int n = peek(&ev, 1, &at);
        consume(&at, n);
        spin_unlock(&sched_lock);
        if (n == 0)
            break;
        kprintf("ev %u %d %d %s %d\n", ev.tick, ev.from, ev.to, sched_event_name(ev.kind), ev.cpu);
    }
    kprintf("schedtrace end\n");
}
