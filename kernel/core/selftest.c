/* In-kernel tests selected with test=NAME; see selftest.h. */
#include "core/selftest.h"

#include <stdint.h>

#include "arch/arch.h"
#include "core/clock.h"
#include "core/cmdline.h"
#include "core/kprintf.h"
#include "core/panic.h"
#include "core/spinlock.h"
#include "dev/console.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/kheap.h"
#include "proc/proc.h"
#include "proc/sched.h"

BOOT_PARAM(test, "run a kernel self-test: boot, fault, assert, ticks, echo, frames, kheap, divide64, "
                 "lockorder, lockagain, schedcost, stackoverflow");

/* Passes the boot checks and powers off: the boot tests' end. */
static void test_boot(void)
{
    kprintf("selftest: boot ok\n");
}

/* A kernel-mode page fault at a null pointer: must panic with the
 * exception's name, CR2 and a symbolized backtrace. */
static void __attribute__((noinline)) fault_here(volatile int *p)
{
    *p = 42;
}

static void test_fault(void)
{
    fault_here((volatile int *)0);
}

static void test_assert(void)
{
    int one = 1;
    ASSERT(one == 2);
}

static void wait_for_tick(uint32_t tick)
{
    while ((int32_t)(clock_ticks() - tick) < 0)
        arch_idle();
}

/* Measures the timer: the time stamp across 20 ticks, from one tick's
 * edge to another's. Counting ticks alone would prove nothing (the loop
 * ends after 20 whatever their rate); under -icount the time stamp is
 * virtual nanoseconds, so tests/boot/timer_ticks.py can check the rate
 * against HZ exactly. */
static void test_ticks(void)
{
    uint32_t start = clock_ticks() + 1;
    wait_for_tick(start);
    uint64_t t0 = arch_timestamp();
    wait_for_tick(start + 20);
    uint64_t t1 = arch_timestamp();
    kprintf("selftest: ticks %u -> %u in %llu time-stamp units\n", start, clock_ticks(),
            t1 - t0);
}

/* Echo raw console input (serial or keyboard) until a '.' arrives. */
static void test_echo(void)
{
    console_set_raw(true);
    kprintf("selftest: echo ready\n");
    for (;;) {
        int c = console_getc();
        if (c < 0) {
            arch_idle();
            continue;
        }
        if (c == '.')
            break;
        kprintf("echo: %d '%c'\n", c, c >= ' ' ? c : '?');
    }
    kprintf("selftest: echo done\n");
}

/* Allocate every frame, check each is distinct and writable, free all:
 * the free count must return exactly. */
static void test_frames(void)
{
    uint32_t before = frame_count_free(), n = 0, head = 0;
    for (uint32_t pa; (pa = frame_alloc()) != 0; n++) {
        uint32_t *page = FRAME_PTR(pa);
        memset(page, 0xA5, FRAME_SIZE);
        page[0] = head;             /* chain them to free them later */
        head = pa;
    }
    kprintf("selftest: allocated %u of %u free frames\n", n, before);
    while (head) {
        uint32_t next = *FRAME_PTR(head);
        frame_free(head);
        head = next;
    }
    kprintf("selftest: frames %s (free %u -> %u)\n",
            n == before && frame_count_free() == before ? "ok" : "FAILED",
            before, frame_count_free());
}

/* Many kmalloc sizes, contents checked, all freed: no frame may leak. */
static void test_kheap(void)
{
    static void *ptrs[512];
    uint32_t before = frame_count_free();
    size_t held = kheap_bytes_in_use();     /* the file system's, since boot */
    int bad = 0;
    for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 512; i++) {
            size_t n = (size_t)(i * 37 + round * 11) % 3000 + 1;
            ptrs[i] = kmalloc(n);
            if (!ptrs[i] || ((uintptr_t)ptrs[i] & 15))
                bad++;
            else
                memset(ptrs[i], i & 0xFF, n);
        }
        for (int i = 0; i < 512; i += 1 + round) {
            if (ptrs[i] && *(unsigned char *)ptrs[i] != (i & 0xFF))
                bad++;
            kfree(ptrs[i]);
            ptrs[i] = 0;
        }
        for (int i = 0; i < 512; i++)
            kfree(ptrs[i]);
    }
    size_t left = kheap_bytes_in_use() - held;
    kprintf("selftest: kheap %s (bad %d, free frames %u -> %u, in use %u bytes)\n",
            bad == 0 && frame_count_free() == before && left == 0 ? "ok" : "FAILED",
            bad, before, frame_count_free(), (unsigned)left);
}

/* 64-bit division needs libgcc / compiler-rt: prove it is linked. */
static void test_divide64(void)
{
    volatile uint64_t big = 0x123456789ABCDEFull, d = 1000003;
    kprintf("selftest: divide64 %llu %llu\n", big / d, big % d);
}

/*
 * test=schedcost: what one scheduling decision costs under each policy,
 * with 1, 8 and 56 ready processes. For each registered policy and each
 * size it makes that many fake processes ready, then times DECISIONS
 * rounds of "pick_next, then enqueue the one picked again" (a switch's
 * worth of policy work) with the time-stamp counter and prints
 *
 *   sched-cost POLICY N=n: C per decision
 *
 * Under QEMU's -icount the counter counts guest instructions, so the
 * figures are exact and repeatable (tests/sched/cost.py, make bench). The
 * machine powers off afterwards: the fake processes never run.
 */
#define COST_MAXP 56
#define DECISIONS 1000

static struct proc fake[COST_MAXP];

extern const struct sched_policy *const __sched_policies_start[];
extern const struct sched_policy *const __sched_policies_end[];

static uint32_t cost_of(const struct sched_policy *pol, int n)
{
    memset(fake, 0, sizeof fake);
    pol->init();
    for (int i = 0; i < n; i++) {
        struct proc *p = &fake[i];
        p->pid = 1000 + i;
        p->state = PROC_READY;
        p->sched.static_prio = SCHED_PRIO_DEFAULT + i % 4;
        p->sched.tickets = 10 * (i % 3 + 1);
        list_node_init(&p->sched.run_node);
        list_node_init(&p->sched.all_node);
        p->sched.heap_index = -1;
        pol->fork(0, p);
        pol->enqueue(p);
    }
    uint64_t start = arch_timestamp();
    for (int k = 0; k < DECISIONS; k++) {
        struct proc *p = pol->pick_next(0);
        p->sched.slice_ticks = 1;       /* as if charged a tick: no yield rule */
        pol->enqueue(p);
    }
    return (uint32_t)((arch_timestamp() - start) / DECISIONS);
}

/* One uncontended spin_lock + spin_unlock pair, with the lock-order
 * checker (always on) and the interrupt-disable nesting: the price every
 * critical section pays. The loop's own 3 instructions are included. */
static void lock_cost(void)
{
    enum { PAIRS = 1000 };
    static struct spinlock lk = SPINLOCK_INIT("selftest outer", LOCK_RANK_SELFTEST_OUTER);
    uint64_t start = arch_timestamp();
    for (int k = 0; k < PAIRS; k++) {
        spin_lock(&lk);
        spin_unlock(&lk);
    }
    kprintf("lock-cost: %u per spin_lock + spin_unlock pair\n",
            (uint32_t)((arch_timestamp() - start) / PAIRS));
}

static void test_schedcost(void)
{
    lock_cost();
    static const int sizes[] = { 1, 8, COST_MAXP };
    for (const struct sched_policy *const *p = __sched_policies_start; p < __sched_policies_end; p++)
        for (unsigned s = 0; s < sizeof sizes / sizeof sizes[0]; s++)
            kprintf("sched-cost %s N=%d: %u per decision\n", (*p)->name, sizes[s],
                    cost_of(*p, sizes[s]));
}

/* Two locks taken against their ranks: the lock-order checker must panic
 * naming both and the places they were taken. */
static struct spinlock lock_outer = SPINLOCK_INIT("selftest outer", LOCK_RANK_SELFTEST_OUTER);
static struct spinlock lock_inner = SPINLOCK_INIT("selftest inner", LOCK_RANK_SELFTEST_INNER);

static void test_lockorder(void)
{
    spin_lock(&lock_outer);             /* the right order passes */
    spin_lock(&lock_inner);
    spin_unlock(&lock_inner);
    spin_unlock(&lock_outer);
    kprintf("selftest: lockorder: outer then inner passed; now inner then outer\n");
    spin_lock(&lock_inner);
    spin_lock(&lock_outer);
    kprintf("selftest: lockorder: the checker let the wrong order through\n");
}

/* Taking a held lock again would spin forever: the checker must panic. */
static void test_lockagain(void)
{
    spin_lock(&lock_outer);
    spin_lock(&lock_outer);
    kprintf("selftest: lockagain: the checker let a recursive acquire through\n");
}

/* Recursion without end on a process's kernel stack: each call keeps a
 * frame (the addition after the call is no tail call, the volatile array
 * must live in memory) until the stack runs into its guard page. The
 * double fault must panic naming the process (arch/x86/fault.c). */
static volatile int recursion_limit = 1 << 30;  /* far past any stack; the compiler cannot know */

static int __attribute__((noinline)) recurse(int depth)
{
    volatile char frame[64];
    frame[0] = (char)depth;
    if (depth >= recursion_limit)
        return 0;
    return recurse(depth + 1) + frame[0];
}

static void overflow_task(void)
{
    kprintf("selftest: stackoverflow: recursing on the kernel stack of pid %d (%s)\n",
            current_proc()->pid, current_proc()->name);
    recurse(0);
}

static void test_stackoverflow(void)
{
    if (!proc_start_kernel_task("overflow", overflow_task))
        panic("stackoverflow: no process slot");
    sched_idle_loop();                  /* runs it; the panic ends the test */
}

struct selftest {
    const char *name;
    void (*run)(void);
};

static const struct selftest tests[] = {
    { "boot", test_boot },     { "fault", test_fault }, { "assert", test_assert },
    { "ticks", test_ticks },   { "echo", test_echo },   { "frames", test_frames },
    { "kheap", test_kheap },   { "divide64", test_divide64 },
    { "lockorder", test_lockorder },        { "lockagain", test_lockagain },
    { "schedcost", test_schedcost },        { "stackoverflow", test_stackoverflow },
};

void selftest_run(const char *name)
{
    if (!name)
        return;
    for (unsigned i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (strcmp(tests[i].name, name) == 0) {
            tests[i].run();
            kernel_stop(0);
        }
    }
    kprintf("selftest: unknown test '%s'\n", name);
    kernel_stop(1);
}
