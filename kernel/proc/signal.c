/*
 * Signals: sending, dispositions, delivery, alarms and process groups.
 *
 * A signal is a bit in the target's sig_pending. Most of the work happens
 * when it is sent, under sched_lock, because a target may be blocked in
 * the kernel or running on another CPU:
 *   - SIGKILL, and any signal whose default action ends the process
 *     (and is not blocked), marks it killed: it dies at its next trap
 *     exit or wakeup, as kill() always did;
 *   - SIGSTOP, and SIGTSTP by default, stop it: the SUSPENDED state of
 *     suspend(); SIGCONT continues it, whatever its disposition;
 *   - an ignored signal (SIG_IGN, or SIGCHLD/SIGCONT by default) is
 *     dropped;
 *   - a caught one stays pending: the target is woken from a blocking
 *     call (which returns -1) or interrupted on its CPU, and delivers it
 *     on its way back to user mode (signal_deliver), where the handler's
 *     frame is built on its stack (arch_signal_push).
 * A caught signal is blocked while its handler runs; sigreturn restores
 * the mask from the frame.
 */
#include "proc/signal.h"

#include "abi/signal.h"
#include "arch/arch.h"
#include "core/clock.h"
#include "core/panic.h"
#include "lib/list.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/syscall.h"
#include "proc/waitq.h"

#define BIT(sig) (1u << (sig))
#define UNCATCHABLE (BIT(SIGKILL) | BIT(SIGSTOP))
#define STOPPING (BIT(SIGSTOP) | BIT(SIGTSTP))
#define ALL_SIGNALS (~1u)               /* bits 1 .. NSIG-1 */

enum action { TERMINATE, IGNORE, STOP };

/* Processes with an alarm, sorted by alarm_tick (earliest first);
 * sched_lock. */
static struct list alarms = { { &alarms.head, &alarms.head } };
unsigned int signal_nalarms;            /* on that list */
/* pause() sleeps here; no one wakes it: only a signal interrupts it. */
static struct waitq pausing = { { { &pausing.waiters.head, &pausing.waiters.head } } };

static bool valid_signal(int sig)
{
    return sig >= 1 && sig < NSIG;
}

static enum action default_action(int sig)
{
    switch (sig) {
    case SIGCHLD:
    case SIGCONT:
        return IGNORE;
    case SIGSTOP:
    case SIGTSTP:
        return STOP;
    default:
        return TERMINATE;
    }
}

/* Does p drop sig? Ignored, by disposition or by default (init ignores
 * every signal it does not catch). */
static bool ignores(const struct proc *p, int sig)
{
    uint32_t h = p->sig_handler[sig];
    if (h == (uint32_t)SIG_IGN)
        return true;
    return h == (uint32_t)SIG_DFL && (default_action(sig) == IGNORE || proc_is_init(p));
}

/* Keeps p->signalled, which the trap exit tests, equal to "a pending
 * signal is not blocked". */
static void recompute(struct proc *p)
{
    p->signalled = (p->sig_pending & ~p->sig_blocked) != 0;
}

/* The default action, now, of an unblocked sig: false if a stop was refused. */
static bool act_at_once(struct proc *p, int sig, bool by_process)
{
    if (default_action(sig) == TERMINATE) {
        proc_kill_locked(p, sig);
        return true;
    }
    if (by_process && !proc_may_suspend(p))
        return false;
    return proc_stop_locked(p, sig);
}

/* Leaves sig pending for p, and gets p to notice it. */
static void make_pending(struct proc *p, int sig)
{
    p->sig_pending |= BIT(sig);
    recompute(p);
    if (!p->signalled)
        return;                         /* blocked: its handler is running */
    if (p->state == PROC_BLOCKED)
        proc_interrupt_sleep(p);        /* the blocking call returns -1 */
    else
        sched_kick(p);                  /* running elsewhere: at its trap exit */
}

int signal_send_locked(struct proc *p, int sig, bool by_process)
{
    ASSERT(spin_holding(&sched_lock) && valid_signal(sig));
    if (p->killed)                      /* it is dying anyway: it must not stop */
        return BIT(sig) & STOPPING ? -1 : 0;
    if (sig == SIGCONT) {
        p->sig_pending &= ~STOPPING;
        proc_continue_locked(p);
    } else if (BIT(sig) & STOPPING) {
        p->sig_pending &= ~BIT(SIGCONT);
    }
    if (sig == SIGKILL || sig == SIGSTOP)
        return act_at_once(p, sig, by_process) ? 0 : -1;
    if (ignores(p, sig))
        return 0;
    if (p->sig_handler[sig] == (uint32_t)SIG_DFL && !(p->sig_blocked & BIT(sig)))
        return act_at_once(p, sig, by_process) ? 0 : -1;
    make_pending(p, sig);
    return 0;
}

struct group_send {
    int sig;
    bool by_process;
};

static void send_to_member(struct proc *p, void *arg)
{
    const struct group_send *g = arg;
    if (!proc_is_init(p) || (g->sig != SIGKILL && g->sig != SIGSTOP))
        signal_send_locked(p, g->sig, g->by_process);
}

int signal_group_locked(int pgid, int sig, bool by_process)
{
    struct group_send g = { sig, by_process };
    return proc_for_each_in_group(pgid, send_to_member, &g);
}

static void count_member(struct proc *p, void *arg)
{
    (void)p;
    (void)arg;
}

void signal_raise(int sig)
{
    spin_lock(&sched_lock);
    signal_send_locked(current_proc(), sig, false);
    spin_unlock(&sched_lock);
}

bool signal_fault(int sig)
{
    struct proc *p = current_proc();
    spin_lock(&sched_lock);
    uint32_t h = p->sig_handler[sig];
    bool caught = h != (uint32_t)SIG_DFL && h != (uint32_t)SIG_IGN && !(p->sig_blocked & BIT(sig));
    if (caught) {
        p->sig_pending |= BIT(sig);
        recompute(p);
    }
    spin_unlock(&sched_lock);
    return caught;
}

/* The lowest deliverable signal, taken off p's pending set; 0 if none. */
static int take_signal(struct proc *p)
{
    uint32_t ready = p->sig_pending & ~p->sig_blocked;
    if (!ready)
        return 0;
    int sig = __builtin_ctz(ready);
    p->sig_pending &= ~BIT(sig);
    return sig;
}

void signal_deliver(struct trapframe *tf)
{
    struct proc *p = current_proc();
    spin_lock(&sched_lock);
    int sig = take_signal(p);
    uint32_t handler = sig ? p->sig_handler[sig] : (uint32_t)SIG_IGN;
    uint32_t mask = p->sig_blocked;
    if (handler == (uint32_t)SIG_DFL && !ignores(p, sig))
        act_at_once(p, sig, false);     /* handler changed since it was sent */
    bool catch = handler != (uint32_t)SIG_DFL && handler != (uint32_t)SIG_IGN;
    if (catch)
        p->sig_blocked |= BIT(sig);
    recompute(p);
    uint32_t trampoline = p->sig_trampoline;
    spin_unlock(&sched_lock);
    if (catch && arch_signal_push(tf, sig, handler, trampoline, mask) < 0)
        proc_fault_fatal(tf, SIGSEGV, "no room for a signal frame on the stack",
                         tf->esp);
}

/* Takes p off the alarm list, if it is on it. */
static void alarm_cancel(struct proc *p)
{
    if (list_node_linked(&p->alarm_node)) {
        list_unlink(&p->alarm_node);
        signal_nalarms--;
    }
    p->alarm_tick = 0;
}

void signal_fork(struct proc *parent, struct proc *child)
{
    child->pgid = parent->pgid;
    child->sig_blocked = parent->sig_blocked;
    if (!parent->sig_changed)
        return;                         /* all SIG_DFL, as the child already is */
    for (int sig = 0; sig < NSIG; sig++)
        child->sig_handler[sig] = parent->sig_handler[sig];
    child->sig_trampoline = parent->sig_trampoline;
    child->sig_changed = true;
}

void signal_exit(struct proc *p)
{
    alarm_cancel(p);
    /* SIGCHLD's default is to ignore it: only a handler needs sending. */
    if (p->parent && p->parent->sig_handler[SIGCHLD] > (uint32_t)SIG_IGN)
        signal_send_locked(p->parent, SIGCHLD, false);
}

void signal_exec(struct proc *p)
{
    if (!p->sig_changed)
        return;
    spin_lock(&sched_lock);
    for (int sig = 1; sig < NSIG; sig++)
        if (p->sig_handler[sig] != (uint32_t)SIG_IGN)
            p->sig_handler[sig] = (uint32_t)SIG_DFL;
    spin_unlock(&sched_lock);
}

/* ------------------------------------------------------------ alarms */

void signal_clock(uint32_t now)
{
    struct list_node *n;
    while ((n = list_first(&alarms)) != 0) {
        struct proc *p = list_entry(n, struct proc, alarm_node);
        if ((int32_t)(now - p->alarm_tick) < 0)
            break;
        alarm_cancel(p);
        signal_send_locked(p, SIGALRM, false);
    }
}

/* Puts p on the alarm list, in order of alarm_tick. */
static void alarm_insert(struct proc *p)
{
    struct list_node *at = &alarms.head;
    list_for_each(n, &alarms) {
        if ((int32_t)(list_entry(n, struct proc, alarm_node)->alarm_tick - p->alarm_tick) > 0) {
            at = n;
            break;
        }
    }
    list_insert_before(at, &p->alarm_node);
    signal_nalarms++;
}

int sys_alarm(int ticks)
{
    if (ticks < 0)
        return -1;
    struct proc *p = current_proc();
    spin_lock(&sched_lock);
    uint32_t now = clock_ticks();
    int left = 0;
    if (p->alarm_tick) {
        int32_t d = (int32_t)(p->alarm_tick - now);
        left = d > 0 ? d : 0;
    }
    alarm_cancel(p);
    if (ticks > 0) {
        p->alarm_tick = now + (uint32_t)ticks;
        if (!p->alarm_tick)
            p->alarm_tick = 1;          /* 0 means "none" */
        alarm_insert(p);
    }
    spin_unlock(&sched_lock);
    return left;
}

/* ------------------------------------------------------------ system calls */

/* kill(pid, sig): pid > 0 one process, 0 the caller's group, < -1 the
 * group -pid. sig 0 only checks that the target exists. Init takes
 * neither SIGKILL nor SIGSTOP (-1); other signals it ignores unless it
 * catches them. */
static int kill_one(int pid, int sig)
{
    struct proc *p = proc_find_target(pid);
    if (!p)
        return -1;
    if (sig == 0)
        return 0;
    if (proc_is_init(p) && (sig == SIGKILL || sig == SIGSTOP))
        return -1;
    return signal_send_locked(p, sig, true);
}

static int kill_group(int pgid, int sig)
{
    if (sig == 0)
        return proc_for_each_in_group(pgid, count_member, 0) > 0 ? 0 : -1;
    return signal_group_locked(pgid, sig, true) > 0 ? 0 : -1;
}

int sys_kill(int pid, int sig)
{
    if (sig < 0 || sig >= NSIG || pid == -1 || pid == -0x7FFFFFFF - 1)
        return -1;
    spin_lock(&sched_lock);
    int r;
    if (pid > 0)
        r = kill_one(pid, sig);
    else
        r = kill_group(pid == 0 ? current_proc()->pgid : -pid, sig);
    spin_unlock(&sched_lock);
    return r;
}

/* The kernel half of signal(): the previous disposition, or -1. */
int sys_setsignal(int sig, uaddr_t handler, uaddr_t trampoline)
{
    if (!valid_signal(sig) || (BIT(sig) & UNCATCHABLE) || handler == (uaddr_t)-1)
        return -1;
    struct proc *p = current_proc();
    spin_lock(&sched_lock);
    uint32_t old = p->sig_handler[sig];
    p->sig_handler[sig] = handler;
    p->sig_changed = true;
    if (handler != (uint32_t)SIG_DFL && handler != (uint32_t)SIG_IGN)
        p->sig_trampoline = trampoline;
    if (ignores(p, sig))
        p->sig_pending &= ~BIT(sig);    /* POSIX: ignoring discards it */
    recompute(p);
    spin_unlock(&sched_lock);
    return (int)old;
}

/* Returns what the interrupted code had in %eax, so the dispatcher puts
 * it back; a frame that cannot be read ends the process. */
int sys_sigreturn(void)
{
    struct proc *p = current_proc();
    uint32_t mask;
    if (arch_signal_pop(p->tf, &mask) < 0)
        proc_fault_fatal(p->tf, SIGSEGV, "sigreturn without a signal frame", p->tf->esp);
    spin_lock(&sched_lock);
    p->sig_blocked = mask & ALL_SIGNALS & ~UNCATCHABLE;
    recompute(p);
    spin_unlock(&sched_lock);
    return (int)p->tf->eax;
}

int sys_pause(void)
{
    spin_lock(&sched_lock);
    while (waitq_sleep(&pausing, &sched_lock) == 0)
        ;                               /* woken, but not by a signal */
    spin_unlock(&sched_lock);
    return -1;
}

/* setpgid(pid, pgid): pid 0 is the caller, pgid 0 is pid. The caller may
 * move itself or a child, into a new group of its own or a group that
 * exists. Init stays in group 1. */
int sys_setpgid(int pid, int pgid)
{
    if (pid < 0 || pgid < 0)
        return -1;
    struct proc *me = current_proc();
    spin_lock(&sched_lock);
    struct proc *p = pid == 0 ? me : proc_find_target(pid);
    int r = -1;
    if (p && (p == me || p->parent == me) && !proc_is_init(p)) {
        if (pgid == 0)
            pgid = p->pid;
        if (pgid == p->pid || proc_for_each_in_group(pgid, count_member, 0) > 0) {
            p->pgid = pgid;
            r = 0;
        }
    }
    spin_unlock(&sched_lock);
    return r;
}

int sys_getpgid(int pid)
{
    if (pid < 0)
        return -1;
    spin_lock(&sched_lock);
    struct proc *p = pid == 0 ? current_proc() : proc_find(pid);
    int r = p ? p->pgid : -1;
    spin_unlock(&sched_lock);
    return r;
}
