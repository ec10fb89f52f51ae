/*
 * User-visible kernel mutexes; see mutex.h. The table is guarded by
 * sched_lock: a mutex's state changes exactly when processes block on it
 * or wake, which sched_lock guards anyway, and one lock for both keeps
 * the wait protocol of waitq.h trivially right (the condition, "the
 * mutex is held", and the sleep are under the same lock).
 */
#include "proc/mutex.h"

#include <stdbool.h>

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
    while (r == 0 && m->holder)
        r = waitq_sleep(&m->waiters, &sched_lock);
    if (r == 0)
        m->holder = me;
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
    if (r == 0)
        release(m);
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
