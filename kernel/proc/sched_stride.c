/*
 * stride: deterministic proportional share (Waldspurger and Weihl, "Stride
 * Scheduling", 1995; OSTEP ch. 9, "Stride Scheduling"), on the same
 * tickets as lottery.
 *
 * The rules:
 *   1. A process with t tickets has the stride STRIDE1 / t: the "distance"
 *      it travels each quantum it runs. Its pass is how far it has gone.
 *   2. The ready process with the smallest pass runs (ties: the one that
 *      has waited longest).
 *   3. A quantum is one tick; at each tick the running process's pass
 *      grows by its stride.
 *   4. The global pass is the pass of the process last picked. A newcomer
 *      (fork) starts there; one that wakes up is moved up to it if it is
 *      behind, so sleeping earns no credit.
 *   5. A process that gives the CPU up before the timer charged it anything
 *      (yield()) pays one quantum: else its pass would not move and yield()
 *      would pick it again at once.
 *
 * Between two processes that stay ready, the tick counts never differ from
 * the exact ticket ratio by more than one quantum.
 *
 * A run heap ordered by pass (proc/runheap.h) gives O(log n) operations.
 * getprocs reports the tickets as the priority.
 */
#include "proc/proc.h"
#include "proc/runheap.h"
#include "proc/sched.h"

#define STRIDE1 (1u << 20)      /* stride of a one-ticket process */
#define STRIDE_QUANTUM 1        /* ticks */

// LAB stride BEGIN
/* Per CPU: its ready processes by pass, and its virtual time. */
static struct runheap heap[NCPU];
static uint64_t global_pass[NCPU];

static uint64_t pass_of(const struct proc *p)
{
    return p->sched.pass;
}

static void stride_init(void)
{
    for (int c = 0; c < NCPU; c++) {
        runheap_init(&heap[c], pass_of);
        global_pass[c] = 0;
    }
}

static uint32_t stride_of(const struct proc *p)
{
    return STRIDE1 / (uint32_t)p->sched.tickets;
}

static void stride_enqueue(struct proc *p)
{
    int c = p->sched.cpu;
    if (p->sched.pass < global_pass[c])
        p->sched.pass = global_pass[c]; /* rule 4 */
    if (p == current_proc() && p->sched.slice_ticks == 0)
        p->sched.pass += stride_of(p);  /* rule 5 */
    p->sched.priority = p->sched.tickets;
    runheap_push(&heap[c], p);
}

static void stride_dequeue(struct proc *p)
{
    runheap_remove(&heap[p->sched.cpu], p);
}

static struct proc *stride_pick_next(int cpu)
{
    struct proc *p = runheap_pop(&heap[cpu]);
    if (p)
        global_pass[cpu] = p->sched.pass;
    return p;
}

static bool stride_tick(struct proc *p)
{
    p->sched.pass += stride_of(p);      /* rule 3 */
    return p->sched.slice_ticks >= STRIDE_QUANTUM && !runheap_empty(&heap[p->sched.cpu]);
}

static void stride_fork(struct proc *parent, struct proc *child)
{
    (void)parent;
    child->sched.pass = global_pass[child->sched.cpu];
    child->sched.priority = child->sched.tickets;
}

/* Each CPU's global pass runs at its own pace: keep p's lead or lag. */
static void stride_migrate(struct proc *p, int from, int to)
{
    int64_t lag = (int64_t)(p->sched.pass - global_pass[from]);         /* may be < 0 */
    p->sched.pass = lag < 0 && (uint64_t)-lag > global_pass[to] ? 0 : global_pass[to] + (uint64_t)lag;
}
// LAB stride END

static bool stride_preempts(struct proc *p, struct proc *running)
{
    (void)p;
    (void)running;
    return false;
}

static void stride_exit(struct proc *p)
{
    (void)p;
}

static const struct sched_policy stride_policy = {
    .name = "stride",
    .init = stride_init,
    .enqueue = stride_enqueue,
    .dequeue = stride_dequeue,
    .pick_next = stride_pick_next,
    .tick = stride_tick,
    .preempts = stride_preempts,
    .fork = stride_fork,
    .exit = stride_exit,
    .migrate = stride_migrate,
};
SCHED_POLICY(stride_policy);
