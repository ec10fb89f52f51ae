/* What kernel code expects from the rest of the kernel, for host tests:
 * locks are no-ops (one thread), panic reports and aborts the test. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/spinlock.h"

struct cpu cpus[NCPU];
struct trapframe;

void spin_lock_at(struct spinlock *lk, const struct lock_site *site)
{
    lk->site = site;
    lk->locked = 1;
    lk->owner = &cpus[0];
}
void spin_unlock(struct spinlock *lk)
{
    lk->locked = 0;
    lk->owner = 0;
}

void panic_at(const char *file, int line, const struct trapframe *tf, const char *fmt, ...)
{
    (void)tf;
    va_list ap;
    va_start(ap, fmt);
    printf("FAIL kernel panic at %s:%d: ", file, line);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    exit(2);
}
