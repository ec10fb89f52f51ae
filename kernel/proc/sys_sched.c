/*
 * The scheduling system calls: priorities and tickets (which every policy
 * may read: prio and cfs use the priority, lottery and stride the
 * tickets) and getpinfo (the OSTEP lottery lab's). Thin wrappers that
 * check arguments and copy user memory around the scheduler core
 * (sched.c).
 */
#include "mm/uaccess.h"
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

int sys_settickets(int n)
{
    if (n < 1 || n > SCHED_TICKETS_MAX)
        return -1;
    spin_lock(&sched_lock);
    sched_set_tickets(current_proc(), n);
    spin_unlock(&sched_lock);
    return 0;
}

int sys_getpinfo(uaddr_t ups)
{
    return proc_getpinfo(ups);
}
