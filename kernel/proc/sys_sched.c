/*
 * The scheduling system calls: setpriority and getpriority (which every
 * policy may read; prio uses it). Thin wrappers that check arguments
 * around the scheduler core (sched.c).
 */
#include "proc/proc.h"
#include "proc/sched.h"

/* A live process (not a zombie or embryo), or NULL; sched_lock held. */
static struct proc *find_live(int pid)
{
    struct proc *p = proc_find(pid);
    return p && p->state != PROC_ZOMBIE && p->state != PROC_EMBRYO ? p : 0;
}

int sys_setpriority(int pid, int prio)
{
    if (prio < SCHED_PRIO_MIN || prio > SCHED_PRIO_MAX)
        return -1;
    spin_lock(&sched_lock);
    struct proc *p = find_live(pid);
    if (p)
        sched_set_prio(p, prio);
    spin_unlock(&sched_lock);
    return p ? 0 : -1;
}

int sys_getpriority(int pid)
{
    spin_lock(&sched_lock);
    struct proc *p = find_live(pid);
    int prio = p ? p->sched.static_prio : -1;
    spin_unlock(&sched_lock);
    return prio;
}
