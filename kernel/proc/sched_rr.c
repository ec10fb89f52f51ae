/*
 * rr: round-robin (OSTEP ch. 7, "Round Robin"). One FIFO queue of ready
 * processes; each runs for at most RR_QUANTUM ticks, then goes to the back
 * of the queue. A process that blocks or yields early simply rejoins at
 * the back when it is ready. Priorities and tickets are ignored; getprocs
 * reports priority 0. Every operation is O(1). The default policy.
 * One queue per CPU: the round-robin is among the processes queued on one
 * CPU (the core balances the queues).
 */
#include "proc/proc.h"
#include "proc/sched.h"

#define RR_QUANTUM 5            /* ticks: 50 ms at HZ=100 */

static struct list ready_queue[NCPU];  /* one per CPU */

static void rr_init(void)
{
    for (int i = 0; i < NCPU; i++)
        list_init(&ready_queue[i]);
}

static void rr_enqueue(struct proc *p)
{
    p->sched.priority = 0;
    list_push_back(&ready_queue[p->sched.cpu], &p->sched.run_node);
}

static void rr_dequeue(struct proc *p)
{
    list_unlink(&p->sched.run_node);
}

static struct proc *rr_pick_next(int cpu)
{
    struct list_node *n = list_pop_front(&ready_queue[cpu]);
    return n ? list_entry(n, struct proc, sched.run_node) : 0;
}

static bool rr_tick(struct proc *p)
{
    return p->sched.slice_ticks >= RR_QUANTUM && !list_empty(&ready_queue[p->sched.cpu]);
}

/* A process that wakes up waits for its turn like everyone else. */
static bool rr_preempts(struct proc *p, struct proc *running)
{
    (void)p;
    (void)running;
    return false;
}

static void rr_fork(struct proc *parent, struct proc *child)
{
    (void)parent;
    (void)child;
}

static void rr_exit(struct proc *p)
{
    (void)p;
}

static const struct sched_policy rr_policy = {
    .name = "rr",
    .init = rr_init,
    .enqueue = rr_enqueue,
    .dequeue = rr_dequeue,
    .pick_next = rr_pick_next,
    .tick = rr_tick,
    .preempts = rr_preempts,
    .fork = rr_fork,
    .exit = rr_exit,
};
SCHED_POLICY(rr_policy);
