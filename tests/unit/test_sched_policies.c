// Host tests of the scheduling policies (kernel/proc/sched_*.c) and the run
// heap, driven through struct sched_policy as the core drives them, on fake
// processes and a fake clock: the rules each policy's comment states.
// sources: kernel/proc/sched_rr.c kernel/proc/sched_prio.c kernel/proc/sched_mlfq.c
// sources: kernel/proc/sched_lottery.c kernel/proc/sched_stride.c kernel/proc/sched_cfs.c
// sources: kernel/proc/runheap.c
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proc/proc.h"
#include "proc/runheap.h"
#include "proc/sched.h"
#include "unit.h"

extern const struct sched_policy *const sched_policy_ptr_rr_policy;
extern const struct sched_policy *const sched_policy_ptr_prio_policy;
extern const struct sched_policy *const sched_policy_ptr_mlfq_policy;
extern const struct sched_policy *const sched_policy_ptr_lottery_policy;
extern const struct sched_policy *const sched_policy_ptr_stride_policy;
extern const struct sched_policy *const sched_policy_ptr_cfs_policy;

/* What the policies use from the rest of the kernel. */
volatile uint32_t clock_tick_count;     /* the clock the policies read (clock_ticks) */
int cmdline_get_int(const char *key, int fallback)
{
    (void)key;
    return fallback;
}

#define MAXP 64
static struct proc procs[MAXP];
static struct proc idle;
static const struct sched_policy *pol;

/* A fresh policy and n fresh processes (pids 1..n), as after fork. */
static void setup(const struct sched_policy *p, int n)
{
    pol = p;
    clock_tick_count = 0;
    memset(procs, 0, sizeof procs);
    cpus[0].proc = &idle;
    pol->init();
    for (int i = 0; i < n; i++) {
        struct proc *q = &procs[i];
        q->pid = i + 1;
        q->sched.static_prio = q->sched.eff_prio = SCHED_PRIO_DEFAULT;
        q->sched.tickets = SCHED_TICKETS_DEFAULT;
        list_node_init(&q->sched.run_node);
        list_node_init(&q->sched.all_node);
        q->sched.heap_index = -1;
        pol->fork(0, q);
    }
}

static void ready(struct proc *p)
{
    p->state = PROC_READY;
    pol->enqueue(p);
}

/* The core's switch: pick, and make it the running process. */
static struct proc *run_next(void)
{
    struct proc *p = pol->pick_next(0);
    if (p) {
        p->state = PROC_RUNNING;
        p->sched.slice_ticks = 0;
        p->nscheduled++;
        cpus[0].proc = p;
    } else {
        cpus[0].proc = &idle;
    }
    return p;
}

/* Runs `ticks` timer ticks with everyone CPU-bound; returns the running one. */
static struct proc *simulate(struct proc *running, int ticks)
{
    for (int t = 0; t < ticks; t++) {
        clock_tick_count++;
        if (!running)
            running = run_next();
        if (!running)
            continue;
        running->ticks++;
        running->sched.slice_ticks++;
        if (pol->tick(running)) {
            ready(running);             /* preempted: still current while enqueued */
            running = run_next();
        }
    }
    return running;
}

static void test_rr(void)
{
    UNIT_BEGIN("rr: FIFO order, 5-tick quanta, equal shares");
    setup(sched_policy_ptr_rr_policy, 3);
    for (int i = 0; i < 3; i++)
        ready(&procs[i]);
    struct proc *r = run_next();
    CHECK(r == &procs[0]);
    r = simulate(r, 4);
    CHECK(r == &procs[0]);              /* quantum not over */
    r = simulate(r, 1);
    CHECK(r == &procs[1]);
    r = simulate(r, 3000 - 5);
    CHECK(procs[0].ticks == 1000 && procs[1].ticks == 1000 && procs[2].ticks == 1000);
    CHECK(!pol->preempts(&procs[0], &procs[1]));
    UNIT_END();
}

static void test_prio(void)
{
    UNIT_BEGIN("prio: highest first, FIFO among equals, preempts lower");
    setup(sched_policy_ptr_prio_policy, 4);
    int prio[4] = { 10, 20, 20, 5 };
    for (int i = 0; i < 4; i++) {
        procs[i].sched.static_prio = procs[i].sched.eff_prio = prio[i];
        ready(&procs[i]);
    }
    CHECK(procs[0].sched.priority == 10);
    struct proc *r = run_next();
    CHECK(r == &procs[1]);
    r = simulate(r, 1000);
    CHECK(procs[1].ticks == 500 && procs[2].ticks == 500);
    CHECK(procs[0].ticks == 0 && procs[3].ticks == 0);
    CHECK(pol->preempts(&procs[1], &procs[0]));
    CHECK(!pol->preempts(&procs[1], &procs[2]));
    /* a higher one queued is noticed at the next tick */
    procs[3].sched.static_prio = procs[3].sched.eff_prio = 31;
    pol->dequeue(&procs[3]);
    ready(&procs[3]);
    CHECK(pol->tick(r));
    UNIT_END();
}

static void test_mlfq(void)
{
    UNIT_BEGIN("mlfq: a lone job: 4 ticks at level 2, 8 at 1, then 0; boost at 100");
    setup(sched_policy_ptr_mlfq_policy, 1);
    struct proc *p = &procs[0];
    CHECK(p->sched.priority == 2);
    ready(p);
    struct proc *r = run_next();
    int first_at[3] = { -1, -1, -1 };
    for (int t = 1; t <= 99; t++) {
        r = simulate(r, 1);
        int l = p->sched.priority;
        if (first_at[l] < 0)
            first_at[l] = (int)p->ticks;
    }
    CHECK(first_at[1] == 4 && first_at[0] == 12);
    r = simulate(r, 1);                 /* tick 100: the boost */
    CHECK(clock_tick_count == 100 && p->sched.priority == 2);
    UNIT_END();

    UNIT_BEGIN("mlfq: the allotment is not reset by giving up the CPU");
    /* charge a 4 ticks in two stints, yielding between: demoted after the 4th */
    setup(sched_policy_ptr_mlfq_policy, 2);
    struct proc *a = &procs[0];
    cpus[0].proc = a;
    a->state = PROC_RUNNING;
    for (int k = 0; k < 2; k++) {
        clock_tick_count++;
        a->ticks++;
        a->sched.slice_ticks++;
        pol->tick(a);
    }
    ready(a);                           /* it yielded */
    CHECK(run_next() == a);
    for (int k = 0; k < 2; k++) {
        clock_tick_count++;
        a->ticks++;
        a->sched.slice_ticks++;
        pol->tick(a);
    }
    CHECK(a->sched.priority == 1);
    CHECK(pol->preempts(&procs[1], a)); /* a new job (top) preempts level 1 */
    UNIT_END();
}

static void shares(int n, const unsigned int *want_permille, int tol_permille, int ticks)
{
    for (int i = 0; i < n; i++)
        ready(&procs[i]);
    simulate(run_next(), ticks);
    unsigned int total = 0;
    for (int i = 0; i < n; i++)
        total += procs[i].ticks;
    for (int i = 0; i < n; i++) {
        int got = (int)(procs[i].ticks * 1000 / total);
        if (abs(got - (int)want_permille[i]) > tol_permille) {
            printf("  pid %d: %d permille, want %u +- %d\n", procs[i].pid, got, want_permille[i],
                   tol_permille);
            unit_failed = 1;
        }
    }
}

static void test_lottery(void)
{
    static const unsigned int want[3] = { 500, 333, 167 };
    UNIT_BEGIN("lottery: 30:20:10 tickets give 50/33/17% (+-1 point over 100000 draws)");
    setup(sched_policy_ptr_lottery_policy, 3);
    for (int i = 0; i < 3; i++)
        procs[i].sched.tickets = 30 - 10 * i;
    shares(3, want, 10, 100000);
    UNIT_END();

    UNIT_BEGIN("lottery: a lone process always wins; dequeue removes its tickets");
    setup(sched_policy_ptr_lottery_policy, 2);
    procs[0].sched.tickets = 5;
    ready(&procs[0]);
    ready(&procs[1]);
    pol->dequeue(&procs[1]);
    for (int k = 0; k < 100; k++) {
        CHECK(pol->pick_next(0) == &procs[0]);
        ready(&procs[0]);
    }
    UNIT_END();
}

static void test_stride(void)
{
    UNIT_BEGIN("stride: 30:20:10 tickets, every process within one tick of its share");
    setup(sched_policy_ptr_stride_policy, 3);
    for (int i = 0; i < 3; i++)
        procs[i].sched.tickets = 30 - 10 * i;
    for (int i = 0; i < 3; i++)
        ready(&procs[i]);
    struct proc *r = run_next();
    for (int t = 1; t <= 6000; t++) {
        r = simulate(r, 1);
        unsigned int total = procs[0].ticks + procs[1].ticks + procs[2].ticks;
        for (int i = 0; i < 3; i++) {
            double ideal = total * (30.0 - 10 * i) / 60.0, err = procs[i].ticks - ideal;
            if (err > 1.0 || err < -1.0) {
                printf("  after %u ticks: pid %d has %u, ideal %.2f\n", total, i + 1,
                       procs[i].ticks, ideal);
                unit_failed = 1;
                t = 6001;
                break;
            }
        }
    }
    UNIT_END();

    UNIT_BEGIN("stride: yield() before the first tick costs a stride");
    setup(sched_policy_ptr_stride_policy, 2);
    ready(&procs[0]);
    ready(&procs[1]);
    r = run_next();
    CHECK(r == &procs[0]);
    ready(r);                           /* yields at once (slice_ticks 0) */
    CHECK(run_next() == &procs[1]);
    UNIT_END();
}

static void test_cfs(void)
{
    static const unsigned int want[3] = { 697, 229, 75 };
    UNIT_BEGIN("cfs: priorities 21/16/11 (weights 3121/1024/335) give 69.7/22.9/7.5%");
    setup(sched_policy_ptr_cfs_policy, 3);
    for (int i = 0; i < 3; i++)
        procs[i].sched.static_prio = procs[i].sched.eff_prio = 21 - 5 * i;
    shares(3, want, 10, 30000);
    UNIT_END();
}

static uint64_t key_of(const struct proc *p)
{
    return p->sched.pass;
}

static void test_runheap(void)
{
    static struct runheap h;
    UNIT_BEGIN("runheap: pops in key order (ties first come first served); remove anywhere");
    memset(procs, 0, sizeof procs);
    runheap_init(&h, key_of);
    srand(7);
    for (int i = 0; i < MAXP; i++) {
        procs[i].pid = i + 1;
        procs[i].sched.heap_index = -1;
        procs[i].sched.pass = (uint64_t)(rand() % 20);
        runheap_push(&h, &procs[i]);
    }
    for (int i = 0; i < MAXP; i += 3)
        runheap_remove(&h, &procs[i]);
    uint64_t last = 0;
    uint32_t last_seq = 0;
    int n = 0;
    struct proc *p;
    while ((p = runheap_pop(&h)) != 0) {
        CHECK(p->sched.pass >= last);
        if (n && p->sched.pass == last)
            CHECK(p->sched.heap_seq > last_seq);
        CHECK((p - procs) % 3 != 0);
        last = p->sched.pass;
        last_seq = p->sched.heap_seq;
        n++;
    }
    CHECK(n == MAXP - (MAXP + 2) / 3);
    UNIT_END();
}

int main(void)
{
    test_rr();
    test_prio();
    test_mlfq();
    test_lottery();
    test_stride();
    test_cfs();
    test_runheap();
    UNIT_EXIT();
}
