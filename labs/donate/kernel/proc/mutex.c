/*
 * The starting point: no donation. A waiter lends nothing, so a process
 * runs at its own priority whatever it holds, and a low-priority holder
 * stays behind every medium-priority process while the high-priority
 * one waits (priority inversion: make sched-demo SCHED=prio DEMO=-i).
 * Write the four (docs/labs/donate.md): donate, along the chain of
 * holders; deserved_priority and give_back, for what a holder keeps when
 * it unlocks or a waiter leaves; mutex_priority_changed, for setpriority.
 */
static void donate(struct proc *p, struct mutex *m)
{
    (void)p;
    (void)m;
}

static void give_back(struct proc *p)
{
    (void)p;
}

void mutex_priority_changed(struct proc *p)
{
    sched_set_eff_prio(p, p->sched.static_prio);
}
