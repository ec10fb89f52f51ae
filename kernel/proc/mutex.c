/*
 * User-visible kernel mutexes; see mutex.h. The table is guarded by
 * sched_lock: a mutex's state changes exactly when processes block on it
 * or wake, which sched_lock guards anyway, and one lock for both keeps
 * the wait protocol of waitq.h trivially right (the condition, "the
 * mutex is held", and the sleep are under the same lock).
 */
#include "proc/mutex.h"

#include <stdbool.h>

#include "core/cmdline.h"
#include "lib/string.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/syscall.h"
#include "proc/waitq.h"

struct mutex {
    bool used;                  /* created and not destroyed */
    struct proc *holder;        /* NULL when free */
    struct waitq waiters;       /* processes in mutex_lock */
};

/* Guarded by sched_lock. */
static struct mutex mutexes[NMUTEX];

/* The mutex called id, if it exists; sched_lock held. */
static struct mutex *find(int id)
{
    return id >= 0 && id < NMUTEX && mutexes[id].used ? &mutexes[id] : 0;
}

BOOT_PARAM(donate, "donate=off: no priority donation, to see priority inversion (make sched-demo SCHED=prio DEMO=-i)");

/* donate=off, read from the command line at the first mutex_lock that
 * blocks: -1 until then. */
static int donation_state = -1;

static bool donation_on(void)
{
    if (donation_state < 0) {
        const char *v = cmdline_get("donate");
        donation_state = !(v && strcmp(v, "off") == 0);
    }
    return donation_state;
}

/*
 * Priority donation (docs/labs/donate.md). Without it a low-priority
 * holder never runs while a medium-priority process is ready, and the
 * high-priority process waiting for its mutex waits for the medium one:
 * priority inversion. So a waiter lends its priority to the holder, and to
 * the holder's holder when the holder itself waits (a chain), and a
 * holder's effective priority is always the highest of its own and its
 * waiters' (several mutexes, several waiters: nested donation). Everything
 * here runs with sched_lock held.
 */
// LAB donate BEGIN
#define DONATION_DEPTH 8        /* links of a chain followed; a cycle ends here too */

/* p waits for m: m's holder, and whoever holds what that holder waits
 * for, and so on, run at p's priority at least. */
static void donate(struct proc *p, struct mutex *m)
{
    int prio = p->sched.eff_prio;
    for (int depth = 0; m && m->holder && depth < DONATION_DEPTH; depth++) {
        struct proc *holder = m->holder;
        if (holder->sched.eff_prio >= prio)
            return;                     /* it (and the rest of the chain) has enough */
        sched_set_eff_prio(holder, prio);
        m = holder->waiting_for;
    }
}

/* The highest priority among p's own and those of the processes waiting
 * for the mutexes p holds. */
static int deserved_priority(struct proc *p)
{
    int prio = p->sched.static_prio;
    for (int i = 0; i < NMUTEX; i++) {
        struct mutex *m = &mutexes[i];
        if (!m->used || m->holder != p)
            continue;
        list_for_each(n, &m->waiters.waiters) {
            struct proc *w = list_entry(n, struct proc, wait_node);
            prio = w->sched.eff_prio > prio ? w->sched.eff_prio : prio;
        }
    }
    return prio;
}

/* p unlocked a mutex, or one of its waiters left: p keeps only what it
 * still deserves. */
static void give_back(struct proc *p)
{
    sched_set_eff_prio(p, deserved_priority(p));
}

void mutex_priority_changed(struct proc *p)
{
    give_back(p);                       /* its own new value, or what is lent */
    if (p->waiting_for && donation_on())
        donate(p, p->waiting_for);
}
// LAB donate END

int sys_mutex_create(void)
{
    spin_lock(&sched_lock);
    int id = -1;
    for (int i = 0; i < NMUTEX && id < 0; i++) {
        if (!mutexes[i].used) {
            mutexes[i].used = true;
            mutexes[i].holder = 0;
            waitq_init(&mutexes[i].waiters);
            id = i;
        }
    }
    spin_unlock(&sched_lock);
    return id;
}

/* Blocks until the mutex is free, then takes it. -1 for a bad id, for a
 * mutex the caller holds already (it would wait for itself forever), and
 * when the caller is killed or a caught signal interrupts the wait. */
int sys_mutex_lock(int id)
{
    struct proc *me = current_proc();
    spin_lock(&sched_lock);
    struct mutex *m = find(id);
    int r = m && m->holder != me ? 0 : -1;
    while (r == 0 && m->holder) {
        me->waiting_for = m;
        if (donation_on())
            donate(me, m);
        r = waitq_sleep(&m->waiters, &sched_lock);
        me->waiting_for = 0;
    }
    if (r == 0)
        m->holder = me;
    else if (m && m->holder && m->holder != me)
        give_back(m->holder);           /* what it lent goes with it */
    spin_unlock(&sched_lock);
    return r;
}

/* Frees m and wakes its waiters (one of them takes it); sched_lock held. */
static void release(struct mutex *m)
{
    m->holder = 0;
    waitq_wake_all(&m->waiters);
}

int sys_mutex_unlock(int id)
{
    spin_lock(&sched_lock);
    struct mutex *m = find(id);
    int r = m && m->holder == current_proc() ? 0 : -1;
    if (r == 0) {
        release(m);
        give_back(current_proc());
    }
    spin_unlock(&sched_lock);
    return r;
}

/* -1 for a bad id and for a mutex someone holds (its waiters would wait
 * on a mutex that no longer exists). */
int sys_mutex_destroy(int id)
{
    spin_lock(&sched_lock);
    struct mutex *m = find(id);
    int r = m && !m->holder ? 0 : -1;
    if (r == 0)
        m->used = false;
    spin_unlock(&sched_lock);
    return r;
}

void mutex_release_all(struct proc *p)
{
    spin_lock(&sched_lock);
    for (int i = 0; i < NMUTEX; i++)
        if (mutexes[i].used && mutexes[i].holder == p)
            release(&mutexes[i]);
    spin_unlock(&sched_lock);
}
