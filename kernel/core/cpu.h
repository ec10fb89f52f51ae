/*
 * Per-CPU state: one struct cpu for each CPU that is up, in cpus[0 ..
 * ncpu-1]. cpus[0] is the boot CPU; the others are the application
 * processors (APs) that arch/x86/smp.c starts, numbered in the order they
 * came up, so CPU ids are dense whatever the APIC ids are.
 *
 * this_cpu() is one instruction (arch_this_cpu): on x86 each CPU's %gs
 * segment has its base at its own struct cpu (arch/x86/gdt.c gives each
 * CPU its own GDT, whose per-CPU slot says where), and the struct's first
 * field points at itself, so `movl %gs:0` is the struct's address.
 * trap_entry.S reloads %gs at every trap, so user programs cannot change
 * what it reads. The
 * answer is correct with interrupts on; it only goes stale if the caller
 * moves to another CPU, which a non-preemptive kernel only does where a
 * process blocks or yields.
 */
#ifndef CORE_CPU_H
#define CORE_CPU_H

#include <stdbool.h>

#include "arch/arch.h"        /* arch_this_cpu() */
#include "lib/list.h"

struct proc;
struct spinlock;

#define CPU_MAX_HELD 8      /* spinlocks one CPU may hold at once */

struct cpu {
    struct cpu *self;       /* must stay first: this_cpu() reads it */
    /* Set once at bring-up, read-only after. */
    int id;                 /* index in cpus[] */
    int apic_id;            /* the local APIC's id: where IPIs to this CPU go */
    volatile bool started;  /* the CPU itself sets it once it runs C code */
    /* Interrupt-disable nesting (spin_lock / irq_push): only this CPU
     * touches these, always with interrupts off. */
    int irq_depth;          /* irq_push() calls not yet popped */
    bool irq_were_on;       /* were interrupts on before the first push? */
    /* The spinlocks this CPU holds, in the order taken (the lock-order
     * checker, core/spinlock.c); only this CPU touches them. */
    struct spinlock *held[CPU_MAX_HELD];
    int nheld;
    /* Scheduling; guarded by sched_lock (other CPUs read and write them
     * too: placement, stealing, wakeups). */
    struct proc *proc;      /* running now (idle when nothing else) */
    struct proc *idle;      /* this CPU's idle process */
    bool need_resched;      /* switch at the next return from a trap */
    int resched_why;        /* why, for the trace (enum sched_event_kind) */
    unsigned int ticks;     /* ticks of this CPU's timer (its load, sched_cpu_load) */
    unsigned int busy_ticks;    /* those that found a process other than idle running */
    /* Kept only with several CPUs (placement and stealing): */
    int nready;             /* READY processes queued here: its load, with proc */
    struct list ready;      /* those processes, oldest first (sched.cpu_node) */
};

/* The most CPUs the kernel uses (the Makefile reads this line to check
 * CPUS=N): more listed by the firmware are reported and left alone. */
#define NCPU 8
extern struct cpu cpus[NCPU];
/* CPUs up: written by the boot CPU while it starts the others. */
extern int ncpu;

static inline struct cpu *this_cpu(void)
{
#ifdef HOST_TEST
    return &cpus[0];        /* host unit tests (tests/unit) run as one CPU */
#else
    return arch_this_cpu();
#endif
}

/* Nestable interrupt disable: interrupts come back on at the last pop,
 * only if they were on at the first push. */
void irq_push(void);
void irq_pop(void);

#endif
