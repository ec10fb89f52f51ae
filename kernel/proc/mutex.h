/*
 * User-visible kernel mutexes: mutex_create, mutex_lock, mutex_unlock and
 * mutex_destroy (docs/syscalls.md, "Mutexes"). A fixed table of NMUTEX
 * mutexes shared by every process (a child of fork uses its parent's ids);
 * each records its holder, and a process blocked on one waits on its wait
 * queue, so who waits for whom is always known (the ground for priority
 * donation: a waiter lends its priority to the holder, docs/labs/donate.md).
 */
#ifndef PROC_MUTEX_H
#define PROC_MUTEX_H

struct proc;

#define NMUTEX 64

/* p is exiting: every mutex it holds is released (its waiters wake), as
 * if it had unlocked them. Takes sched_lock. */
void mutex_release_all(struct proc *p);

/* p's static_prio changed (setpriority): its effective priority becomes
 * the new one or what its mutexes' waiters donate, whichever is higher,
 * and passes on to the holder of the mutex p waits for. sched_lock held. */
void mutex_priority_changed(struct proc *p);

#endif
