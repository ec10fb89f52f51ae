/*
 * Spinlocks that also disable interrupts on the holding CPU, so an
 * interrupt handler can never spin on a lock its own CPU holds. With one
 * CPU the spinning never happens, but the discipline is what makes a
 * second CPU a later issue instead of a rewrite.
 */
#ifndef CORE_SPINLOCK_H
#define CORE_SPINLOCK_H

#include <stdbool.h>

#include "core/cpu.h"

struct spinlock {
    volatile unsigned int locked;
    const char *name;       /* for panic messages */
    struct cpu *owner;      /* holder, for spin_holding() */
};

#define SPINLOCK_INIT(n) { 0, (n), 0 }

void spin_init(struct spinlock *lk, const char *name);
void spin_lock(struct spinlock *lk);
void spin_unlock(struct spinlock *lk);
bool spin_holding(const struct spinlock *lk);

#endif
