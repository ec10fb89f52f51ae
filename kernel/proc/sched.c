/*
 * The scheduler core; see sched.h. The moves it makes:
 *
 *   sched_make_ready   BLOCKED/EMBRYO/SUSPENDED -> READY (enqueue)
 *   schedule           READY -> RUNNING (pick_next, then switch)
 *   sched_yield        RUNNING -> READY (the timer's preemption, or yield())
 *   sched_block        RUNNING -> BLOCKED / SUSPENDED / ZOMBIE
 *
 * There is no scheduler thread: the process giving up the CPU picks its
 * successor and switches straight to it (one swtch per switch). When no
 * process is ready, this CPU's idle process runs and halts the CPU.
 *
 * Preemption is asked for, never done on the spot: the timer
 * (policy->tick) or a wakeup (policy->preempts) sets need_resched, and the
 * switch happens at the end of the trap, on the way back to user mode
 * (sched_trap_exit). docs/scheduler.md walks through one timer tick.
 *
 * At each move the core tells the statistics (schedstats.h: ticks, times
 * scheduled, time ready, first run, exit) and the scheduling trace
 * (schedtrace.c), one call each; what they record is their business.
 */
#include "proc/sched.h"

#include "arch/arch.h"
#include "core/clock.h"
#include "core/cmdline.h"
#include "core/kprintf.h"
#include "core/panic.h"
#include "lib/string.h"
#include "proc/proc.h"
#include "proc/schedstats.h"
#include "proc/schedtrace.h"
#include "proc/waitq.h"

BOOT_PARAM(sched, "scheduling policy: rr (default), prio, mlfq, lottery, stride, cfs");

struct spinlock sched_lock = SPINLOCK_INIT("sched", LOCK_RANK_SCHED);
static const struct sched_policy *policy;
/* Why need_resched is set, for the trace: SCHED_EV_PREEMPTED (the tick),
 * SCHED_EV_WOKEN (a wakeup) or SCHED_EV_YIELDED (a priority change). */
static enum sched_event_kind resched_why;

extern const struct sched_policy *const __sched_policies_start[];
extern const struct sched_policy *const __sched_policies_end[];

static const struct sched_policy *find_policy(const char *name)
{
    for (const struct sched_policy *const *p = __sched_policies_start; p < __sched_policies_end; p++)
        if (strcmp((*p)->name, name) == 0)
            return *p;
    return 0;
}

void sched_init(struct proc *idle)
{
    const char *name = cmdline_get("sched");
    policy = find_policy(name && *name ? name : "rr");
    if (!policy) {
        kprintf("sched: unknown policy '%s'; known policies:", name);
        for (const struct sched_policy *const *p = __sched_policies_start; p < __sched_policies_end; p++)
            kprintf(" %s", (*p)->name);
        kprintf("; using rr\n");
        policy = find_policy("rr");
    }
    ASSERT(policy);
    kprintf("sched: policy %s\n", policy->name);
    policy->init();
    struct cpu *c = this_cpu();
    c->idle = idle;
    c->proc = idle;
    idle->state = PROC_RUNNING;
}

const struct sched_policy *sched_policy(void)
{
    return policy;
}

/* Asks for a switch at the end of the current trap; sched_lock held. */
static void request_resched(enum sched_event_kind why)
{
    this_cpu()->need_resched = true;
    resched_why = why;
}

/* p was just enqueued: should it take the CPU from the running process? */
static void check_preempt(struct proc *p)
{
    struct cpu *c = this_cpu();
    if (p != c->proc && c->proc != c->idle && policy->preempts(p, c->proc))
        request_resched(SCHED_EV_WOKEN);
}

void sched_make_ready(struct proc *p)
{
    ASSERT(spin_holding(&sched_lock));
    bool created = p->state == PROC_EMBRYO;
    if (p->suspended && !p->killed) {
        p->state = PROC_SUSPENDED;      /* held: never on the ready queue */
        return;
    }
    p->state = PROC_READY;
    schedstats_ready(p);
    policy->enqueue(p);
    struct proc *running = current_proc();
    if (p == running)
        return;                         /* a yield or preemption, not a wakeup */
    sched_trace(created ? SCHED_EV_NEW : SCHED_EV_READY, running->pid, p->pid);
    check_preempt(p);
}

void sched_remove_ready(struct proc *p)
{
    ASSERT(spin_holding(&sched_lock) && p->state == PROC_READY);
    policy->dequeue(p);
    schedstats_unready(p);
}

void sched_fork(struct proc *parent, struct proc *child)
{
    ASSERT(spin_holding(&sched_lock));
    child->sched.static_prio = parent ? parent->sched.static_prio : SCHED_PRIO_DEFAULT;
    child->sched.tickets = parent ? parent->sched.tickets : SCHED_TICKETS_DEFAULT;
    list_node_init(&child->sched.run_node);
    list_node_init(&child->sched.all_node);
    child->sched.heap_index = -1;
    policy->fork(parent, child);
}

void sched_exit(struct proc *p)
{
    ASSERT(spin_holding(&sched_lock));
    schedstats_exit(p);
    policy->exit(p);
}

/* Sets one of p's scheduling attributes. A READY process leaves and
 * rejoins its queue, so that the policy files it under the new value (and
 * it may now preempt the running process); a running process that changes
 * its own yields at the end of the system call, so that a lower priority
 * takes effect at once. */
static void change_attr(struct proc *p, int *attr, int value)
{
    ASSERT(spin_holding(&sched_lock));
    bool queued = p->state == PROC_READY;
    if (queued)
        policy->dequeue(p);
    *attr = value;
    if (queued) {
        policy->enqueue(p);
        check_preempt(p);
    } else if (p == current_proc()) {
        request_resched(SCHED_EV_YIELDED);
    }
}

void sched_set_prio(struct proc *p, int prio)
{
    change_attr(p, &p->sched.static_prio, prio);
}

void sched_set_tickets(struct proc *p, int tickets)
{
    change_attr(p, &p->sched.tickets, tickets);
}

/* Switches from the current process (whose state the caller has already
 * changed) to the next one the policy picks, or to idle. `why` says why
 * the current process stops, for the trace. */
static void schedule(enum sched_event_kind why)
{
    struct cpu *c = this_cpu();
    struct proc *prev = c->proc, *next = policy->pick_next();
    ASSERT(c->irq_depth == 1);          /* only sched_lock may be held */
    ASSERT(*prev->magic == PROC_MAGIC); /* its kernel stack did not overflow */
    if (next)
        schedstats_picked(next);
    else
        next = c->idle;
    next->sched.slice_ticks = 0;        /* a fresh quantum */
    next->state = PROC_RUNNING;
    c->need_resched = false;
    if (next == prev)
        return;
    sched_trace_switch(why, prev, next);
    c->proc = next;
    bool irq_were_on = c->irq_were_on;  /* belongs to this thread, not the CPU */
    arch_switch(prev, next);
    this_cpu()->irq_were_on = irq_were_on;
}

void sched_block(enum proc_state s)
{
    ASSERT(spin_holding(&sched_lock));
    struct proc *p = current_proc();
    p->state = s;
    schedule(s == PROC_ZOMBIE ? SCHED_EV_EXITED
             : s == PROC_SUSPENDED ? SCHED_EV_SUSPENDED : SCHED_EV_BLOCKED);
}

static void yield_locked(enum sched_event_kind why)
{
    struct proc *p = current_proc();
    if (p == this_cpu()->idle)
        return;
    sched_make_ready(p);
    schedule(why);
}

void sched_yield(void)
{
    spin_lock(&sched_lock);
    yield_locked(SCHED_EV_YIELDED);
    spin_unlock(&sched_lock);
}

int sched_preempt_point(void)
{
    ASSERT(this_cpu()->irq_depth == 0);
    /* sti takes effect after the next instruction: reading the clock is
     * that instruction, and a pending interrupt (the timer's) comes in
     * before cli. */
    arch_irq_enable();
    (void)clock_ticks();
    arch_irq_disable();
    struct proc *p = current_proc();
    if (this_cpu()->need_resched && !p->killed) {
        spin_lock(&sched_lock);
        yield_locked(resched_why);
        spin_unlock(&sched_lock);
    }
    return p->killed ? -1 : 0;
}

void sched_clock_tick(void)
{
    spin_lock(&sched_lock);
    sleep_wake_due(clock_ticks());
    struct cpu *c = this_cpu();
    struct proc *p = c->proc;
    if (p != c->idle) {
        schedstats_tick(p);
        p->sched.slice_ticks++;
        if (policy->tick(p))
            request_resched(SCHED_EV_PREEMPTED);
    }
    spin_unlock(&sched_lock);
}

void sched_trap_exit(struct trapframe *tf)
{
    if (!arch_from_user(tf))
        return;                         /* the kernel itself is not preempted */
    struct proc *p = current_proc();
    /* The common case, checked without the lock: the trap path runs with
     * interrupts off, and these flags only ever get set, under sched_lock,
     * by code that then interrupts us (a timer tick, another CPU's IPI) or
     * by this very system call (a wakeup that preempts us). */
    if (!p->killed && !p->suspended && !this_cpu()->need_resched)
        return;
    if (p->killed)
        proc_exit(-1);
    spin_lock(&sched_lock);
    if (p->suspended)
        sched_block(PROC_SUSPENDED);    /* suspended itself, or while running */
    else if (this_cpu()->need_resched)
        yield_locked(resched_why);
    spin_unlock(&sched_lock);
    if (p->killed)                      /* killed while suspended or ready */
        proc_exit(-1);
}

void sched_idle_loop(void)
{
    arch_irq_disable();
    for (;;) {
        spin_lock(&sched_lock);
        schedule(SCHED_EV_YIELDED);     /* returns when nothing is ready */
        spin_unlock(&sched_lock);
        arch_idle();                    /* sti; hlt: wakes at an interrupt */
        arch_irq_disable();
    }
}
