/*
 * mlfq: the multi-level feedback queue of OSTEP ch. 8, with its rules:
 *
 *   1. If Priority(A) > Priority(B), A runs (B doesn't); a job that wakes
 *      up above the running one preempts it at once.
 *   2. If Priority(A) = Priority(B), A and B run in round-robin, with the
 *      quantum of their level.
 *   3. When a job enters the system, it is placed at the highest priority
 *      (the topmost queue).
 *   4. Once a job uses up its time allotment at a given level (regardless
 *      of how many times it has given up the CPU), its priority is reduced
 *      (it moves down one queue).
 *   5. After some time period S, move all the jobs in the system to the
 *      topmost queue (the priority boost).
 *
 * The constants (HZ=100, so a tick is 10 ms):
 *
 *   level            quantum    allotment
 *   2 (top)          2 ticks    4 ticks   then down to level 1
 *   1                4 ticks    8 ticks   then down to level 0
 *   0 (bottom)       8 ticks    -         stays until the boost
 *   boost period S:  every MLFQ_BOOST = 100 ticks (at uptime 100, 200, ...)
 *
 * The boost is due at each multiple of MLFQ_BOOST; it is done by the
 * first policy operation at or after that tick (the timer's tick, a
 * wakeup, a pick), which is the same thing: while the CPU is idle,
 * nothing could tell the difference.
 *
 * So a lone CPU-bound job runs 4 ticks at level 2, 8 at level 1, then at
 * level 0 until the next boost; a job that sleeps before the timer ever
 * catches it running is never charged and stays at the top. Levels are
 * numbered as in OSTEP's figures and its mlfq.py: the top queue has the
 * highest number, and getprocs reports the level as the priority.
 *
 * Like prio, a mask of non-empty queues makes picking O(1); the boost
 * walks every process (O(n), once per S ticks), through a list of every
 * process the policy knows (fork adds, exit removes).
 */
#include "core/clock.h"
#include "proc/proc.h"
#include "proc/sched.h"

#define MLFQ_LEVELS 3
#define MLFQ_TOP (MLFQ_LEVELS - 1)
#define MLFQ_BOOST 100                  /* ticks between boosts (S) */

/* Per level, indexed by level (0 = bottom). */
static const uint32_t mlfq_quantum[MLFQ_LEVELS] = { 8, 4, 2 };
static const uint32_t mlfq_allotment[MLFQ_LEVELS] = { 0 /* none */, 8, 4 };

// LAB mlfq BEGIN
/* Per CPU: its queues and its boost clock. */
static struct list queues[NCPU][MLFQ_LEVELS];
static uint32_t nonempty[NCPU];         /* bit L set: queues[cpu][L] holds someone */
static uint32_t next_boost[NCPU];       /* uptime of the cpu's next boost */
static struct list everyone;            /* every process, for the boost */

static int highest_ready(int cpu)
{
    return nonempty[cpu] ? 31 - __builtin_clz(nonempty[cpu]) : -1;
}

static void set_level(struct proc *p, int level)
{
    p->sched.level = level;
    p->sched.level_ticks = 0;
    p->sched.priority = level;
}

static void mlfq_init(void)
{
    for (int c = 0; c < NCPU; c++) {
        for (int l = 0; l < MLFQ_LEVELS; l++)
            list_init(&queues[c][l]);
        nonempty[c] = 0;
        next_boost[c] = MLFQ_BOOST;
    }
    list_init(&everyone);
}

/* Rule 5, on one CPU: everyone last queued or run there to the top; the
 * ready ones keep their order, the top queue's first. */
static void boost(int cpu)
{
    list_for_each(n, &everyone) {
        struct proc *p = list_entry(n, struct proc, sched.all_node);
        if (p->sched.cpu == cpu)
            set_level(p, MLFQ_TOP);
    }
    for (int l = MLFQ_TOP - 1; l >= 0; l--) {
        struct list_node *n;
        while ((n = list_pop_front(&queues[cpu][l])) != 0)
            list_push_back(&queues[cpu][MLFQ_TOP], n);
    }
    nonempty[cpu] = list_empty(&queues[cpu][MLFQ_TOP]) ? 0 : 1u << MLFQ_TOP;
}

/* Boosts cpu if its boost is due; returns true if it did. */
static bool boost_if_due(int cpu)
{
    uint32_t now = clock_ticks();
    if ((int32_t)(now - next_boost[cpu]) < 0)
        return false;
    boost(cpu);
    next_boost[cpu] = (now / MLFQ_BOOST + 1) * MLFQ_BOOST;
    return true;
}

static void mlfq_enqueue(struct proc *p)
{
    int c = p->sched.cpu;
    boost_if_due(c);
    list_push_back(&queues[c][p->sched.level], &p->sched.run_node);
    nonempty[c] |= 1u << p->sched.level;
}

static void mlfq_dequeue(struct proc *p)
{
    int c = p->sched.cpu;
    list_unlink(&p->sched.run_node);
    if (list_empty(&queues[c][p->sched.level]))
        nonempty[c] &= ~(1u << p->sched.level);
}

static struct proc *mlfq_pick_next(int cpu)
{
    boost_if_due(cpu);
    int l = highest_ready(cpu);
    if (l < 0)
        return 0;
    struct proc *p = list_entry(list_pop_front(&queues[cpu][l]), struct proc, sched.run_node);
    if (list_empty(&queues[cpu][l]))
        nonempty[cpu] &= ~(1u << l);
    return p;
}

static bool mlfq_tick(struct proc *p)
{
    int c = p->sched.cpu;
    bool demoted = false;
    if (p->sched.level > 0 && ++p->sched.level_ticks >= mlfq_allotment[p->sched.level]) {
        set_level(p, p->sched.level - 1);               /* rule 4 */
        demoted = true;
    }
    if (boost_if_due(c))
        return !list_empty(&queues[c][MLFQ_TOP]);       /* p takes its turn */
    int l = highest_ready(c), mine = p->sched.level;
    return l > mine                                     /* rule 1 */
           || (l == mine && (demoted || p->sched.slice_ticks >= mlfq_quantum[mine]));
}

static bool mlfq_preempts(struct proc *p, struct proc *running)
{
    return p->sched.level > running->sched.level;
}

static void mlfq_fork(struct proc *parent, struct proc *child)
{
    (void)parent;
    set_level(child, MLFQ_TOP);                         /* rule 3 */
    list_push_back(&everyone, &child->sched.all_node);
}

static void mlfq_exit(struct proc *p)
{
    list_unlink(&p->sched.all_node);
}
// LAB mlfq END

static const struct sched_policy mlfq_policy = {
    .name = "mlfq",
    .init = mlfq_init,
    .enqueue = mlfq_enqueue,
    .dequeue = mlfq_dequeue,
    .pick_next = mlfq_pick_next,
    .tick = mlfq_tick,
    .preempts = mlfq_preempts,
    .fork = mlfq_fork,
    .exit = mlfq_exit,
};
SCHED_POLICY(mlfq_policy);
