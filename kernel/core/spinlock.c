/* Spinlocks, the lock-order checker, and the interrupt-disable nesting
 * they rely on. */
#include "core/spinlock.h"

#include "arch/arch.h"
#include "core/panic.h"

struct cpu cpus[NCPU];
int ncpu = 1;

/* irq_push's body, inline in spin_lock; returns this CPU (interrupts are
 * off from here, so it cannot change). */
static inline struct cpu *push_irq(void)
{
    bool on = arch_irq_enabled();
    arch_irq_disable();
    struct cpu *c = this_cpu();
    if (c->irq_depth++ == 0)
        c->irq_were_on = on;
    return c;
}

void irq_push(void)
{
    push_irq();
}

/* irq_pop's body, inline in spin_unlock: every release runs it. */
static inline void pop_irq(struct cpu *c)
{
    ASSERT(!arch_irq_enabled() && c->irq_depth > 0);
    if (--c->irq_depth == 0 && c->irq_were_on)
        arch_irq_enable();
}

void irq_pop(void)
{
    pop_irq(this_cpu());
}

void spin_init(struct spinlock *lk, const char *name, enum lock_rank rank)
{
    *lk = (struct spinlock)SPINLOCK_INIT(name, rank);
}

/* Every lock this CPU holds must rank below lk. The held list is in
 * increasing rank (each lock was checked against the ones before it, and
 * removing one keeps the order), so its last lock is the one to compare:
 * the check costs the same however many locks are held. */
static void check_order(struct cpu *c, struct spinlock *lk, const struct lock_site *at)
{
    if (c->nheld == 0)
        return;
    struct spinlock *h = c->held[c->nheld - 1];
    if (h->rank >= lk->rank)
        panic("lock order: taking %s (rank %d) at %s:%d while holding %s (rank %d), "
              "taken at %s:%d", lk->name, lk->rank, at->file, at->line, h->name, h->rank,
              h->site->file, h->site->line);
    if (c->nheld == CPU_MAX_HELD)
        panic("spin_lock: %s at %s:%d: this CPU already holds %d locks",
              lk->name, at->file, at->line, CPU_MAX_HELD);
}

void spin_lock_at(struct spinlock *lk, const struct lock_site *at)
{
    struct cpu *c = push_irq();
    if (lk->locked && lk->owner == c)
        panic("spin_lock: %s at %s:%d already held by this CPU, taken at %s:%d",
              lk->name, at->file, at->line, lk->site->file, lk->site->line);
    check_order(c, lk, at);
    while (__atomic_exchange_n(&lk->locked, 1, __ATOMIC_ACQUIRE))
        __asm__ volatile("pause");
    lk->owner = c;
    lk->site = at;
    c->held[c->nheld++] = lk;
}

/* Locks are usually released in reverse order, but need not be. */
static void forget_held(struct cpu *c, struct spinlock *lk)
{
    int i = --c->nheld;
    struct spinlock *next = c->held[i];
    while (next != lk) {
        struct spinlock *here = c->held[--i];
        c->held[i] = next;
        next = here;
    }
}

void spin_unlock(struct spinlock *lk)
{
    struct cpu *c = this_cpu();
    if (!lk->locked || lk->owner != c)
        panic("spin_unlock: %s not held by this CPU (%s)", lk->name,
              lk->locked ? "another CPU holds it" : "nobody holds it");
    forget_held(c, lk);
    lk->owner = 0;
    __atomic_store_n(&lk->locked, 0, __ATOMIC_RELEASE);
    pop_irq(c);
}
