/* The scheduling statistics; see schedstats.h. */
#include "proc/schedstats.h"

#include "core/clock.h"
#include "core/panic.h"
#include "proc/proc.h"
#include "proc/sched.h"

void schedstats_ready(struct proc *p)
{
    p->ready_since = clock_ticks();
}

void schedstats_unready(struct proc *p)
{
    p->ready_ticks += clock_ticks() - p->ready_since;
}

void schedstats_picked(struct proc *p)
{
    ASSERT(spin_holding(&sched_lock));
    uint32_t now = clock_ticks();
    p->ready_ticks += now - p->ready_since;
    if (p->nscheduled++ == 0)
        p->first_run_tick = now;
}

void schedstats_tick(struct proc *p)
{
    p->ticks++;
}

void schedstats_exit(struct proc *p)
{
    p->exit_tick = clock_ticks();
}
