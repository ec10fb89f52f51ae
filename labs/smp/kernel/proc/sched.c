/*
 * The starting point: one ready queue for the whole machine. Every
 * process queues on the first CPU it may use (CPU 0, unless setaffinity
 * says otherwise), and no CPU ever takes work from another's queue, so
 * the other CPUs run only what is pinned to them. Write per-CPU placement
 * and load balancing (docs/labs/smp.md): choose_among, where a process
 * that becomes ready queues, and steal, what a CPU with an empty queue
 * takes from another.
 */
static int choose_among(const struct proc *p)
{
    return __builtin_ctz(p->sched.affinity & sched_cpus_up_mask());
}

static struct proc *steal(struct cpu *thief)
{
    (void)thief;
    return 0;
}
