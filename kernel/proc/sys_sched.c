/*
 * The scheduling system calls: priorities and tickets (which every policy
 * may read: prio and cfs use the priority, lottery and stride the
 * tickets), getpinfo (the OSTEP lottery lab's), the scheduling trace and
 * per-process statistics. Thin wrappers that check arguments and copy
 * user memory around the scheduler core (sched.c).
 */
#include "abi/schedstat.h"
#include "core/clock.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/schedtrace.h"
#include "proc/syscall.h"

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
    if (p && proc_is_init(p))
        p = 0;                  /* init keeps its priority (docs/processes.md) */
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

/* setaffinity(pid, mask): pid 0 is the caller. Refused (-1): an empty
 * mask, a CPU that is not up, a pid that is not a live process, a dying
 * process, and init (it keeps its CPUs, as it keeps its priority). */
int sys_setaffinity(int pid, unsigned int mask)
{
    if (mask == 0 || (mask & ~sched_cpus_up_mask()))
        return -1;
    spin_lock(&sched_lock);
    struct proc *p = pid == 0 ? current_proc() : find_live(pid);
    bool ok = p && !p->killed && !proc_is_init(p);
    if (ok)
        sched_set_affinity(p, mask);
    spin_unlock(&sched_lock);
    return ok ? 0 : -1;
}

/* The CPUs pid (0: the caller) may run on, among those that are up. */
int sys_getaffinity(int pid)
{
    spin_lock(&sched_lock);
    struct proc *p = pid == 0 ? current_proc() : find_live(pid);
    int mask = p ? (int)(p->sched.affinity & sched_cpus_up_mask()) : -1;
    spin_unlock(&sched_lock);
    return mask;
}

/* Exact when it is read: the kernel is not preempted, so the caller is
 * still on this CPU when it returns to user mode, unless that return
 * switches (then the answer is where it last ran). */
int sys_getcpu(void)
{
    return this_cpu()->id;
}

int sys_getpinfo(uaddr_t ups)
{
    return proc_getpinfo(ups);
}

int sys_schedtrace(uaddr_t ubuf, int max)
{
    if (max < 0)
        return -1;
    return sched_trace_read(ubuf, max);
}

// LAB syscall BEGIN
/* schedstat(pid, st): pid's scheduling statistics; zombies too, so that a
 * parent can read a child's turnaround before wait() reaps it. */
int sys_schedstat(int pid, uaddr_t ust)
{
    struct schedstat st;
    spin_lock(&sched_lock);
    struct proc *p = proc_find(pid);
    bool found = p && p->state != PROC_EMBRYO;
    if (found) {
        st = (struct schedstat){
            .pid = p->pid,
            /* as getprocs reports it: blocked and suspended is SUSPENDED */
            .state = p->state == PROC_BLOCKED && p->suspended ? PROC_SUSPENDED : (int)p->state,
            .prio = p->sched.static_prio,
            .tickets = p->sched.tickets,
            .ticks = p->ticks,
            .nscheduled = p->nscheduled,
            .ready_ticks = p->ready_ticks
                + (p->state == PROC_READY ? clock_ticks() - p->ready_since : 0),
            .start_tick = p->start_tick,
            .response = p->nscheduled ? (int)(p->first_run_tick - p->start_tick) : -1,
            .turnaround = p->state == PROC_ZOMBIE ? (int)(p->exit_tick - p->start_tick) : -1,
        };
    }
    spin_unlock(&sched_lock);
    return found ? copyout(ust, &st, sizeof st) : -1;
}
// LAB syscall END
