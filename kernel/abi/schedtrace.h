/*
 * The scheduling trace: the kernel records every switch, and every time a
 * process becomes ready, as one struct sched_event in a ring buffer;
 * schedtrace() reads them (docs/scheduler.md, "The scheduling trace").
 * Shared by kernel and user; tools/schedtrace.py reads the text form.
 *
 * SCHED_EVENTS is the one list of event kinds, with the names the text form
 * uses (the kernel's power-off dump, /bin/schedtrace, the host tool).
 *
 * A switch event says why `from` stopped running and `to` started:
 *   preempted  from's quantum ran out (or a better process woke): from is ready
 *   blocked    from waits for an event (a child, a tick, a pipe, input)
 *   yielded    from called yield(): from is ready
 *   exited     from became a zombie
 *   suspended  from was suspended
 *   woken      from was preempted because `to` woke up with a better claim
 *              (prio, mlfq), or from is idle (pid 0) and `to` woke: from is ready
 * Two kinds are not switches; `to` became ready and `from` made it so:
 *   new        to was created (fork): its response time starts here
 *   ready      to woke up (its event came, it was resumed or killed)
 * and one reports a gap:
 *   lost       `from` events were overwritten before anyone read them
 */
#ifndef ABI_SCHEDTRACE_H
#define ABI_SCHEDTRACE_H

#define SCHED_EVENTS(X)                                                     \
    X(PREEMPTED, "preempted")                                               \
    X(BLOCKED, "blocked")                                                   \
    X(YIELDED, "yielded")                                                   \
    X(EXITED, "exited")                                                     \
    X(SUSPENDED, "suspended")                                               \
    X(WOKEN, "woken")                                                       \
    X(NEW, "new")                                                           \
    X(READY, "ready")                                                       \
    X(LOST, "lost")

enum sched_event_kind {
#define SCHED_EVENT_ENUM(name, text) SCHED_EV_##name,
    SCHED_EVENTS(SCHED_EVENT_ENUM)
#undef SCHED_EVENT_ENUM
    SCHED_EV_COUNT
};

struct sched_event {
    unsigned int tick;          /* uptime when it happened */
    int from;                   /* pid (0 = idle) */
    int to;                     /* pid (0 = idle) */
    int kind;                   /* enum sched_event_kind */
    int cpu;                    /* where: the CPU that switched; for new and
                                 * ready, the CPU whose queue `to` joined;
                                 * -1 for lost */
};

#endif
