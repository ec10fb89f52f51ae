/*
 * test=schedcost: what one scheduling decision costs under each policy,
 * with 1, 8 and 56 ready processes. For each registered policy and each
 * size it makes that many fake processes ready, then times DECISIONS
 * rounds of "pick_next, then enqueue the one picked again" (a switch's
 * worth of policy work) with the time-stamp counter and prints
 *
 *   sched-cost POLICY N=n: C per decision
 *
 * Under QEMU's -icount the counter counts guest instructions, so the
 * figures are exact and repeatable (tests/sched/cost.py runs it so). The
 * machine powers off afterwards: the fake processes never run.
 */
#include "arch/arch.h"
#include "core/kprintf.h"
#include "lib/string.h"
#include "proc/proc.h"
#include "proc/sched.h"

#define COST_MAXP 56
#define DECISIONS 1000

static struct proc fake[COST_MAXP];

extern const struct sched_policy *const __sched_policies_start[];
extern const struct sched_policy *const __sched_policies_end[];

static uint32_t cost_of(const struct sched_policy *pol, int n)
{
    memset(fake, 0, sizeof fake);
    pol->init();
    for (int i = 0; i < n; i++) {
        struct proc *p = &fake[i];
        p->pid = 1000 + i;
        p->state = PROC_READY;
        p->sched.static_prio = SCHED_PRIO_DEFAULT + i % 4;
        p->sched.tickets = 10 * (i % 3 + 1);
        list_node_init(&p->sched.run_node);
        list_node_init(&p->sched.all_node);
        p->sched.heap_index = -1;
        pol->fork(0, p);
        pol->enqueue(p);
    }
    uint64_t start = arch_timestamp();
    for (int k = 0; k < DECISIONS; k++) {
        struct proc *p = pol->pick_next();
        p->sched.slice_ticks = 1;       /* as if charged a tick: no yield rule */
        pol->enqueue(p);
    }
    return (uint32_t)((arch_timestamp() - start) / DECISIONS);
}

void sched_cost_selftest(void)
{
    static const int sizes[] = { 1, 8, COST_MAXP };
    for (const struct sched_policy *const *p = __sched_policies_start; p < __sched_policies_end; p++)
        for (unsigned s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
            kprintf("sched-cost %s N=%d: %u per decision\n", (*p)->name, sizes[s],
                    cost_of(*p, sizes[s]));
}
