/*
 * Spinlocks, and the concurrency rules they enforce.
 *
 * A spinlock is taken with an atomic exchange and disables interrupts on
 * the holding CPU (nested, irq_push/irq_pop), so an interrupt handler can
 * never spin on a lock its own CPU holds.
 *
 * Each lock records the CPU that holds it and where it was taken (file and
 * line), and belongs to a class with a rank (enum lock_rank below, the one
 * table of lock order). The checker panics, naming the locks and the
 * places, when a CPU:
 *   - takes a lock it already holds (it would spin forever),
 *   - releases a lock it does not hold,
 *   - takes a lock whose rank is not higher than every lock it holds
 *     (two CPUs taking two locks in opposite orders can deadlock; the
 *     checker catches the wrong order on one CPU, the first time it
 *     happens, before the unlucky interleaving ever does).
 * The checker is always on; docs/architecture.md has the table of locks.
 */
#ifndef CORE_SPINLOCK_H
#define CORE_SPINLOCK_H

#include <stdbool.h>

#include "core/cpu.h"

/* Lock classes, outermost first: a CPU may only take a lock whose rank
 * is higher than that of every lock it already holds. Locks of one class
 * (every pipe's lock) share a rank, so no CPU holds two of them. */
enum lock_rank {
    LOCK_RANK_SERIAL_INPUT = 5,     /* dev/serial.c: holding input in the UART */
    LOCK_RANK_PIPE = 10,            /* fs/pipe.c: each pipe's buffer */
    LOCK_RANK_CONSOLE_INPUT = 10,   /* dev/console.c: the input ring */
    LOCK_RANK_FILES = 10,           /* fs/file.c: struct file counts */
    LOCK_RANK_FILE_OFFSET = 11,     /* fs/file.c: each open file's offset */
    LOCK_RANK_TMPFS = 12,           /* fs/tmpfs.c: the whole tmpfs tree and its pages */
    LOCK_RANK_SELFTEST_OUTER = 15,  /* core/selftest.c: test=lockorder */
    LOCK_RANK_KHEAP = 20,           /* mm/kheap.c: the size-class lists */
    LOCK_RANK_SCHED = 30,           /* proc/sched.c: processes, queues, CPUs */
    LOCK_RANK_SELFTEST_INNER = 35,  /* core/selftest.c: test=lockorder */
    LOCK_RANK_FRAMES = 40,          /* mm/frame.c: the frame allocator */
    LOCK_RANK_CONSOLE_OUTPUT = 50,  /* dev/console.c: kprintf, echo */
};

/* A place in the source where a lock is taken: one constant per
 * spin_lock() call, so that recording it costs one store. */
struct lock_site {
    const char *file;
    int line;
};

struct spinlock {
    volatile unsigned int locked;
    const char *name;               /* for panic messages */
    enum lock_rank rank;
    /* Written by the holder only, after it has the lock. */
    struct cpu *owner;              /* the CPU holding it */
    const struct lock_site *site;   /* where it was taken */
};

#define SPINLOCK_INIT(n, r) { 0, (n), (r), 0, 0 }

void spin_init(struct spinlock *lk, const char *name, enum lock_rank rank);
/* spin_lock(lk) records the caller's file and line. */
#define spin_lock(lk)                                                   \
    do {                                                                \
        static const struct lock_site spin_site_ = { __FILE__, __LINE__ }; \
        spin_lock_at((lk), &spin_site_);                                \
    } while (0)
void spin_lock_at(struct spinlock *lk, const struct lock_site *site);
void spin_unlock(struct spinlock *lk);

/* Inline: most callers are assertions on hot paths. */
static inline bool spin_holding(const struct spinlock *lk)
{
    return lk->locked && lk->owner == this_cpu();
}

#endif
