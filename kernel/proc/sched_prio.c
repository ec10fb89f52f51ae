/*
 * prio: static priority scheduling (OSTEP ch. 8's starting point, "If
 * Priority(A) > Priority(B), A runs"; Silberschatz, "Priority
 * Scheduling"; 9front's runproc reads its queues the same way).
 *
 * The rules:
 *   1. Every process has a priority, 0 to 31, larger is more important:
 *      setpriority(pid, prio) sets it, fork copies it, the first process
 *      has 16.
 *   2. The highest-priority ready process always runs: also at wakeup,
 *      when it preempts a running process of lower priority at once.
 *   3. Processes of equal priority take turns, PRIO_QUANTUM ticks each
 *      (round-robin within a level).
 *   4. A lower-priority process runs only when nobody above it is ready:
 *      it may starve (that is the point; mlfq's boost is the cure).
 *   5. The priority scheduled by is p->sched.eff_prio: setpriority's, or
 *      more while p holds a mutex that a more important process waits
 *      for (priority donation, proc/mutex.c and docs/labs/donate.md).
 *
 * One FIFO queue per priority and a 32-bit mask of the non-empty ones:
 * the highest ready priority is the mask's top bit, so every operation is
 * O(1). getprocs reports the priority.
 */
#include "proc/proc.h"
#include "proc/sched.h"

#define PRIO_LEVELS (SCHED_PRIO_MAX + 1)
#define PRIO_QUANTUM 5          /* ticks: 50 ms at HZ=100 */

// LAB prio BEGIN
/* One set of queues per CPU. */
static struct list queues[NCPU][PRIO_LEVELS];
static uint32_t nonempty[NCPU];     /* bit L set: queues[cpu][L] holds someone */

/* The highest priority with a process ready on cpu, or -1. */
static int highest_ready(int cpu)
{
    return nonempty[cpu] ? 31 - __builtin_clz(nonempty[cpu]) : -1;
}

static void prio_init(void)
{
    for (int c = 0; c < NCPU; c++) {
        for (int l = 0; l < PRIO_LEVELS; l++)
            list_init(&queues[c][l]);
        nonempty[c] = 0;
    }
}

static void prio_enqueue(struct proc *p)
{
    int l = p->sched.eff_prio, c = p->sched.cpu;
    p->sched.level = l;         /* the queue it is on */
    p->sched.priority = l;
    list_push_back(&queues[c][l], &p->sched.run_node);
    nonempty[c] |= 1u << l;
}

static void prio_dequeue(struct proc *p)
{
    int c = p->sched.cpu;
    list_unlink(&p->sched.run_node);
    if (list_empty(&queues[c][p->sched.level]))
        nonempty[c] &= ~(1u << p->sched.level);
}

static struct proc *prio_pick_next(int cpu)
{
    int l = highest_ready(cpu);
    if (l < 0)
        return 0;
    struct proc *p = list_entry(list_pop_front(&queues[cpu][l]), struct proc, sched.run_node);
    if (list_empty(&queues[cpu][l]))
        nonempty[cpu] &= ~(1u << l);
    return p;
}

static bool prio_tick(struct proc *p)
{
    int l = highest_ready(p->sched.cpu), mine = p->sched.eff_prio;
    return l > mine || (l == mine && p->sched.slice_ticks >= PRIO_QUANTUM);
}

static bool prio_preempts(struct proc *p, struct proc *running)
{
    return p->sched.eff_prio > running->sched.eff_prio;
}

static void prio_fork(struct proc *parent, struct proc *child)
{
    (void)parent;               /* the core copied its static_prio */
    child->sched.priority = child->sched.eff_prio;
}
// LAB prio END

static void prio_exit(struct proc *p)
{
    (void)p;
}

static const struct sched_policy prio_policy = {
    .name = "prio",
    .init = prio_init,
    .enqueue = prio_enqueue,
    .dequeue = prio_dequeue,
    .pick_next = prio_pick_next,
    .tick = prio_tick,
    .preempts = prio_preempts,
    .fork = prio_fork,
    .exit = prio_exit,
};
SCHED_POLICY(prio_policy);
