/*
 * cfs: a simplified Completely Fair Scheduler (Linux 2.6.23; OSTEP ch. 9,
 * "The Linux Completely Fair Scheduler (CFS)").
 *
 * The rules:
 *   1. Every process has a weight from its priority, through Linux's
 *      nice-to-weight table: priority 16 (nice 0) weighs 1024, each step
 *      up about 1.25 times more (priority 31 = nice -15), each step down
 *      about 1.25 times less (priority 0 = nice 16).
 *   2. Its virtual runtime grows, for every tick it runs, by
 *      CFS_TICK * 1024 / weight: heavy processes age slowly. One that gives
 *      the CPU up before the timer charged it anything (yield()) is
 *      charged one tick, so that yield() lets the others run.
 *   3. The ready process with the smallest virtual runtime runs (a run
 *      heap, O(log n); ties: the one that has waited longest). The running one is preempted once it is
 *      CFS_GRANULARITY ahead of the smallest.
 *   4. min_vruntime follows the smallest virtual runtime and never goes
 *      back. A new process starts there; one that wakes up is moved up to
 *      min_vruntime - CFS_LATENCY / 2 if it is further behind (a bounded
 *      credit for sleeping), and preempts the running process if it is
 *      CFS_WAKEUP_GRAN behind it.
 *
 * Over time each process gets CPU in proportion to its weight. Unlike
 * Linux: time is counted in ticks, not nanoseconds, and there is no group
 * scheduling, no per-CPU run queue balancing and no red-black tree (a
 * heap gives the same minimum). getprocs reports the priority.
 */
#include "proc/proc.h"
#include "proc/runheap.h"
#include "proc/sched.h"

#define CFS_TICK (1u << 20)                     /* vruntime of one nice-0 tick */
#define CFS_GRANULARITY (3ull * CFS_TICK)       /* preempt when this far ahead */
#define CFS_WAKEUP_GRAN (1ull * CFS_TICK)
#define CFS_LATENCY (6ull * CFS_TICK)

/* Linux's sched_prio_to_weight for nice -15 .. 16, indexed by 31 - prio. */
static const uint32_t cfs_weight[SCHED_PRIO_MAX + 1] = {
    29154, 23254, 18705, 14949, 11916,          /* nice -15 .. -11 */
    9548, 7620, 6100, 4904, 3906,               /* nice -10 .. -6 */
    3121, 2501, 1991, 1586, 1277,               /* nice -5 .. -1 */
    1024, 820, 655, 526, 423,                   /* nice 0 .. 4 */
    335, 272, 215, 172, 137,                    /* nice 5 .. 9 */
    110, 87, 70, 56, 45,                        /* nice 10 .. 14 */
    36, 29,                                     /* nice 15, 16 */
};

/* Per CPU: its ready processes by vruntime, and its min_vruntime. */
static struct runheap heap[NCPU];
static uint64_t min_vruntime[NCPU];

static uint64_t vruntime_of(const struct proc *p)
{
    return p->sched.vruntime;
}

/* Rule 2: the virtual runtime of one tick. */
static uint64_t tick_vruntime(const struct proc *p)
{
    return (uint64_t)CFS_TICK * 1024 / cfs_weight[SCHED_PRIO_MAX - p->sched.eff_prio];
}

/* Rule 4: min_vruntime moves up to the smallest of the running process
 * and the ready ones. */
static void update_min(int c, struct proc *running)
{
    struct proc *first = runheap_min(&heap[c]);
    uint64_t m = running ? running->sched.vruntime : first ? first->sched.vruntime : 0;
    if (first && first->sched.vruntime < m)
        m = first->sched.vruntime;
    if (m > min_vruntime[c])
        min_vruntime[c] = m;
}

static void cfs_init(void)
{
    for (int c = 0; c < NCPU; c++) {
        runheap_init(&heap[c], vruntime_of);
        min_vruntime[c] = 0;
    }
}

static void cfs_enqueue(struct proc *p)
{
    int c = p->sched.cpu;
    uint64_t floor = min_vruntime[c] > CFS_LATENCY / 2 ? min_vruntime[c] - CFS_LATENCY / 2 : 0;
    if (p->sched.vruntime < floor)
        p->sched.vruntime = floor;
    if (p == current_proc() && p->sched.slice_ticks == 0)
        p->sched.vruntime += tick_vruntime(p);      /* yielded before its first tick */
    p->sched.priority = p->sched.eff_prio;
    runheap_push(&heap[c], p);
}

static void cfs_dequeue(struct proc *p)
{
    runheap_remove(&heap[p->sched.cpu], p);
}

static struct proc *cfs_pick_next(int cpu)
{
    struct proc *p = runheap_pop(&heap[cpu]);
    if (p)
        update_min(cpu, p);
    return p;
}

static bool cfs_tick(struct proc *p)
{
    p->sched.vruntime += tick_vruntime(p);
    update_min(p->sched.cpu, p);
    struct proc *first = runheap_min(&heap[p->sched.cpu]);
    return first && p->sched.vruntime >= first->sched.vruntime + CFS_GRANULARITY;
}

static bool cfs_preempts(struct proc *p, struct proc *running)
{
    return p->sched.vruntime + CFS_WAKEUP_GRAN < running->sched.vruntime;
}

static void cfs_fork(struct proc *parent, struct proc *child)
{
    (void)parent;
    child->sched.vruntime = min_vruntime[child->sched.cpu];
    child->sched.priority = child->sched.eff_prio;
}

static void cfs_exit(struct proc *p)
{
    (void)p;
}

/* Each CPU's min_vruntime runs at its own pace: keep p's lead or lag. */
static void cfs_migrate(struct proc *p, int from, int to)
{
    int64_t lag = (int64_t)(p->sched.vruntime - min_vruntime[from]);     /* may be < 0 */
    p->sched.vruntime = lag < 0 && (uint64_t)-lag > min_vruntime[to] ? 0 : min_vruntime[to] + (uint64_t)lag;
}

static const struct sched_policy cfs_policy = {
    .name = "cfs",
    .init = cfs_init,
    .enqueue = cfs_enqueue,
    .dequeue = cfs_dequeue,
    .pick_next = cfs_pick_next,
    .tick = cfs_tick,
    .preempts = cfs_preempts,
    .fork = cfs_fork,
    .exit = cfs_exit,
    .migrate = cfs_migrate,
};
SCHED_POLICY(cfs_policy);
