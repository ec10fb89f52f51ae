/* Wait queues and timed sleep; see waitq.h for the protocol. */
#include "proc/waitq.h"

#include "core/clock.h"
#include "core/panic.h"
#include "proc/proc.h"
#include "proc/sched.h"

/* Timed sleepers, sorted by wake_tick (earliest first); sched_lock. */
static struct list sleepers = { { &sleepers.head, &sleepers.head } };

void waitq_init(struct waitq *wq)
{
    list_init(&wq->waiters);
}

/* Swaps lk for sched_lock, unless they are the same lock. */
static void trade_locks(struct spinlock *lk)
{
    if (lk != &sched_lock) {
        spin_lock(&sched_lock);
        spin_unlock(lk);
    }
}

static void trade_back(struct spinlock *lk)
{
    if (lk != &sched_lock) {
        spin_unlock(&sched_lock);
        spin_lock(lk);
    }
}

int waitq_sleep(struct waitq *wq, struct spinlock *lk)
{
    struct proc *p = current_proc();
    trade_locks(lk);
    if (p->killed || p->signalled) {
        trade_back(lk);
        return -1;
    }
    p->blocked_on = wq;
    list_push_back(&wq->waiters, &p->wait_node);
    sched_block(PROC_BLOCKED);
    bool interrupted = p->killed || p->signalled;
    trade_back(lk);
    return interrupted ? -1 : 0;
}

void waitq_wake_all(struct waitq *wq)
{
    bool relock = !spin_holding(&sched_lock);
    if (relock)
        spin_lock(&sched_lock);
    list_for_each_safe(n, tmp, &wq->waiters) {
        struct proc *p = list_entry(n, struct proc, wait_node);
        list_unlink(n);
        p->blocked_on = 0;
        sched_make_ready(p);
    }
    if (relock)
        spin_unlock(&sched_lock);
}

int sleep_ticks(uint32_t ticks)
{
    struct proc *p = current_proc();
    spin_lock(&sched_lock);
    p->wake_tick = clock_ticks() + ticks;
    /* Insert in order; the tick handler only ever looks at the head. */
    struct list_node *at = &sleepers.head;
    list_for_each(n, &sleepers) {
        if ((int32_t)(list_entry(n, struct proc, sleep_node)->wake_tick - p->wake_tick) > 0) {
            at = n;
            break;
        }
    }
    list_insert_before(at, &p->sleep_node);
    if (!p->killed && !p->signalled)
        sched_block(PROC_BLOCKED);
    list_unlink(&p->sleep_node);    /* no-op when the clock unlinked it */
    bool interrupted = p->killed || p->signalled;
    spin_unlock(&sched_lock);
    return interrupted ? -1 : 0;
}

void sleep_wake_due(uint32_t now)
{
    ASSERT(spin_holding(&sched_lock));
    struct list_node *n;
    while ((n = list_first(&sleepers)) != 0) {
        struct proc *p = list_entry(n, struct proc, sleep_node);
        if ((int32_t)(now - p->wake_tick) < 0)
            break;
        list_unlink(n);
        if (p->state == PROC_BLOCKED)
            sched_make_ready(p);
    }
}
