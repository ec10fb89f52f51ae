/*
 * The scheduling trace: a ring buffer of struct sched_event (abi/
 * schedtrace.h) that the scheduler core appends to at every switch and
 * every wakeup. The schedtrace() system call reads it (oldest first,
 * consuming what it reads); the boot option schedtrace=dump prints what
 * is unread on the console when the machine powers off, and
 * schedtrace=off records nothing. When the ring is full the oldest
 * events are overwritten and the next read starts with a "lost" event.
 */
#ifndef PROC_SCHEDTRACE_H
#define PROC_SCHEDTRACE_H

#include <stdint.h>

#include "abi/schedtrace.h"

#define SCHED_TRACE_LEN 8192            /* events kept: 160 KiB */

/* Records one event now, as having happened on CPU cpu; with sched_lock held. */
void sched_trace(enum sched_event_kind kind, int from, int to, int cpu);
struct proc;
/* Records the switch from prev to next: `why` prev stops, or "woken" when
 * prev is the idle process (something became ready); sched_lock held. */
void sched_trace_switch(enum sched_event_kind why, const struct proc *prev,
                        const struct proc *next);
/* Copies up to max unread events to user memory at ubuf and consumes
 * those it delivered; returns how many (fewer than were unread if the
 * buffer stops being writable partway), or -1 if not even the first could
 * be written. */
int sched_trace_read(uint32_t ubuf, int max);
/* At power-off: prints the unread events if schedtrace=dump. */
void sched_trace_dump(void);
/* "preempted", "blocked", ...: the event kinds' names. */
const char *sched_event_name(int kind);

#endif
