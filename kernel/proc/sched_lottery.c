/*
 * lottery: proportional share by lottery (OSTEP ch. 9, "Scheduling:
 * Proportional Share"; Waldspurger and Weihl, OSDI 1994).
 *
 * The rules:
 *   1. Every process holds tickets: settickets(n) sets the caller's (n >= 1),
 *      fork copies the parent's, the first process has 1.
 *   2. At every decision the scheduler draws a winning ticket uniformly
 *      among the tickets of the ready processes; its holder runs.
 *   3. A quantum is one tick (LOTTERY_QUANTUM): a new draw every tick, so
 *      over T ticks a process with t of the T_all tickets expects T*t/T_all
 *      of them, with a standard deviation of about sqrt(T*p*(1-p)).
 *   4. A process that wakes up waits for the next draw (no preemption at
 *      wakeup); one that blocks before the tick is not charged.
 *
 * The random numbers come from a xorshift32 generator seeded with the boot
 * option schedseed=N (default LOTTERY_SEED), so a run can be repeated.
 *
 * pick_next walks the ready list adding up tickets until it passes the
 * winning number: O(number of ready processes), like OSTEP's code. That
 * is at most NPROC short steps and only over ready processes; a Fenwick
 * tree would make it O(log n) at the cost of the simplicity this lab is
 * about (docs/labs/lottery.md). getprocs reports the tickets as the
 * priority.
 */
#include "core/cmdline.h"
#include "proc/proc.h"
#include "proc/sched.h"

BOOT_PARAM(schedseed, "schedseed=N: seed of the lottery scheduler's random numbers");

#define LOTTERY_QUANTUM 1       /* ticks */
#define LOTTERY_SEED 20260901u  /* the default seed */

// LAB lottery BEGIN
/* Per CPU: the processes ready there, and a draw among them. */
static struct list ready[NCPU];         /* in no special order */
static uint32_t ready_tickets[NCPU];    /* the sum of their queued_tickets */
static uint32_t rng;                    /* xorshift32 state, never 0 */

/* Marsaglia's xorshift32: period 2^32 - 1. */
static uint32_t lottery_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

/* A number in [0, n), n > 0, without the bias of `% n`'s low bits. */
static uint32_t random_below(uint32_t n)
{
    return (uint32_t)(((uint64_t)lottery_random() * n) >> 32);
}

static void lottery_init(void)
{
    for (int c = 0; c < NCPU; c++) {
        list_init(&ready[c]);
        ready_tickets[c] = 0;
    }
    rng = (uint32_t)cmdline_get_int("schedseed", (int)LOTTERY_SEED);
    if (rng == 0)
        rng = LOTTERY_SEED;
}

static void lottery_enqueue(struct proc *p)
{
    p->sched.queued_tickets = p->sched.tickets;
    p->sched.priority = p->sched.tickets;
    ready_tickets[p->sched.cpu] += (uint32_t)p->sched.queued_tickets;
    list_push_back(&ready[p->sched.cpu], &p->sched.run_node);
}

static void lottery_dequeue(struct proc *p)
{
    list_unlink(&p->sched.run_node);
    ready_tickets[p->sched.cpu] -= (uint32_t)p->sched.queued_tickets;
}

static struct proc *lottery_pick_next(int cpu)
{
    if (list_empty(&ready[cpu]))
        return 0;
    uint32_t winner = random_below(ready_tickets[cpu]), counter = 0;
    list_for_each(n, &ready[cpu]) {
        struct proc *p = list_entry(n, struct proc, sched.run_node);
        counter += (uint32_t)p->sched.queued_tickets;
        if (counter > winner) {
            lottery_dequeue(p);
            return p;
        }
    }
    return 0;                   /* not reached: the tickets add up */
}

static bool lottery_tick(struct proc *p)
{
    return p->sched.slice_ticks >= LOTTERY_QUANTUM && !list_empty(&ready[p->sched.cpu]);
}

static void lottery_fork(struct proc *parent, struct proc *child)
{
    (void)parent;               /* the core copied its tickets */
    child->sched.priority = child->sched.tickets;
}
// LAB lottery END

static bool lottery_preempts(struct proc *p, struct proc *running)
{
    (void)p;
    (void)running;
    return false;
}

static void lottery_exit(struct proc *p)
{
    (void)p;
}

static const struct sched_policy lottery_policy = {
    .name = "lottery",
    .init = lottery_init,
    .enqueue = lottery_enqueue,
    .dequeue = lottery_dequeue,
    .pick_next = lottery_pick_next,
    .tick = lottery_tick,
    .preempts = lottery_preempts,
    .fork = lottery_fork,
    .exit = lottery_exit,
};
SCHED_POLICY(lottery_policy);
