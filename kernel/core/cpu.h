/*
 * Per-CPU state. One CPU today; everything that would differ per CPU lives
 * here and is reached only through this_cpu(), so starting more CPUs means
 * changing this_cpu(), not its callers.
 */
#ifndef CORE_CPU_H
#define CORE_CPU_H

#include <stdbool.h>

struct proc;

struct cpu {
    int id;
    /* Interrupt-disable nesting (spin_lock / irq_push): only this CPU
     * touches these, always with interrupts off. */
    int irq_depth;          /* irq_push() calls not yet popped */
    bool irq_were_on;       /* were interrupts on before the first push? */
    /* Scheduling; guarded by sched_lock. */
    struct proc *proc;      /* running now (idle when nothing else) */
    struct proc *idle;      /* this CPU's idle process */
    bool need_resched;      /* switch at the next return from a trap */
};

#define NCPU 1
extern struct cpu cpus[NCPU];

static inline struct cpu *this_cpu(void)
{
    return &cpus[0];
}

/* Nestable interrupt disable: interrupts come back on at the last pop,
 * only if they were on at the first push. */
void irq_push(void);
void irq_pop(void);

#endif
