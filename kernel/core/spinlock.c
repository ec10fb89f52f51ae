/* Spinlocks and the interrupt-disable nesting they rely on. */
#include "core/spinlock.h"

#include "arch/arch.h"
#include "core/panic.h"

struct cpu cpus[NCPU];
int ncpu = 1;

void irq_push(void)
{
    bool on = arch_irq_enabled();
    arch_irq_disable();
    struct cpu *c = this_cpu();
    if (c->irq_depth++ == 0)
        c->irq_were_on = on;
}

void irq_pop(void)
{
    struct cpu *c = this_cpu();
    ASSERT(!arch_irq_enabled());
    ASSERT(c->irq_depth > 0);
    if (--c->irq_depth == 0 && c->irq_were_on)
        arch_irq_enable();
}

void spin_init(struct spinlock *lk, const char *name)
{
    lk->locked = 0;
    lk->name = name;
    lk->owner = 0;
}

void spin_lock(struct spinlock *lk)
{
    irq_push();
    if (spin_holding(lk))
        panic("spin_lock: %s already held by this CPU", lk->name);
    while (__atomic_exchange_n(&lk->locked, 1, __ATOMIC_ACQUIRE))
        __asm__ volatile("pause");
    lk->owner = this_cpu();
}

void spin_unlock(struct spinlock *lk)
{
    if (!spin_holding(lk))
        panic("spin_unlock: %s not held", lk->name);
    lk->owner = 0;
    __atomic_store_n(&lk->locked, 0, __ATOMIC_RELEASE);
    irq_pop();
}

bool spin_holding(const struct spinlock *lk)
{
    return lk->locked && lk->owner == this_cpu();
}
