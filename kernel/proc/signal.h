/*
 * Signals, kernel side: sending one (kill, the console, alarms, faults,
 * a pipe with no reader), delivering it on the way back to user mode,
 * the dispositions that decide what that means, and process groups.
 * docs/signals.md walks one signal from kill() to sigreturn.
 *
 * A process's signal state (struct proc's last block) is guarded by
 * sched_lock: senders run on any CPU and decide from the target's
 * dispositions, under that lock, whether it must be woken, stopped or
 * killed at once.
 */
#ifndef PROC_SIGNAL_H
#define PROC_SIGNAL_H

#include <stdbool.h>
#include <stdint.h>

struct proc;
struct trapframe;

/* Sends sig (1..NSIG-1) to p; by_process: a process asked (kill(),
 * suspend(), resume()), so the rules on stopping an ancestor apply;
 * otherwise the kernel (the console, an alarm, a pipe). -1 if a stop was
 * refused; else 0. sched_lock held. */
int signal_send_locked(struct proc *p, int sig, bool by_process);
/* The same to every live process of group pgid; the number of them (0:
 * no such group). */
int signal_group_locked(int pgid, int sig, bool by_process);
/* The current process raises sig for itself: a pipe with no reader. */
void signal_raise(int sig);
/* A user fault: if the current process catches sig (and it is not
 * blocked), it is made pending and true returned; the handler runs at
 * the trap's exit, and returning from it runs the instruction again. */
bool signal_fault(int sig);
/* From sched_trap_exit when p->signalled: delivers one signal (runs its
 * default action, or builds its handler's frame). No lock held. */
void signal_deliver(struct trapframe *tf);

/* Process creation and end, with sched_lock held: a child inherits the
 * dispositions, the blocked set and the group, not the pending signals
 * nor the alarm. An exiting process drops its alarm and sends SIGCHLD to
 * its parent. */
void signal_fork(struct proc *parent, struct proc *child);
void signal_exit(struct proc *p);
/* exec: caught signals go back to their default; ignored stay ignored. */
void signal_exec(struct proc *p);
/* From the boot CPU's clock, sched_lock held: alarms that are due. The
 * clock calls it only while some alarm is set (signal_nalarms, guarded
 * by sched_lock): every tick pays one comparison, not a call. */
extern unsigned int signal_nalarms;
void signal_clock(uint32_t now);

#endif
