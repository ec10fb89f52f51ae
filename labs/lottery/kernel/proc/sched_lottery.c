/*
 * The starting point: one (per CPU) round-robin queue, tickets ignored, so the
 * system runs but the lottery tests fail. Replace all of this
 * (docs/labs/lottery.md); the seed is cmdline_get_int("schedseed",
 * LOTTERY_SEED).
 */
static struct list ready[NCPU];     /* one per CPU */

static void lottery_init(void)
{
    for (int c = 0; c < NCPU; c++)
        list_init(&ready[c]);
}

static void lottery_enqueue(struct proc *p)
{
    p->sched.priority = p->sched.tickets;
    list_push_back(&ready[p->sched.cpu], &p->sched.run_node);
}

static void lottery_dequeue(struct proc *p)
{
    list_unlink(&p->sched.run_node);
}

static struct proc *lottery_pick_next(int cpu)
{
    struct list_node *n = list_pop_front(&ready[cpu]);
    return n ? list_entry(n, struct proc, sched.run_node) : 0;
}

static bool lottery_tick(struct proc *p)
{
    return p->sched.slice_ticks >= LOTTERY_QUANTUM && !list_empty(&ready[p->sched.cpu]);
}

static void lottery_fork(struct proc *parent, struct proc *child)
{
    (void)parent;
    child->sched.priority = child->sched.tickets;
}
