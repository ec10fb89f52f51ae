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
#include "proc/sched.h"

BOOT_PARAM(test, "run a kernel self-test: boot, fault, assert, ticks, echo, frames, kheap, divide64, "
                 "lockorder, lockagain, schedcost");

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

/* The timer runs at HZ: wait for 20 ticks and report them, and the
 * timestamp counter across 20 whole ticks (from one tick's edge to
 * another's): under QEMU -icount it counts virtual nanoseconds, so the
 * tick period can be checked exactly. */
static void test_ticks(void)
{
    uint32_t start = clock_ticks();
    while (clock_ticks() == start)
        arch_idle();
    uint32_t edge = clock_ticks();
    uint64_t t0 = arch_timestamp();
    while (clock_ticks() - start < 20)
        arch_idle();
    kprintf("selftest: ticks %u -> %u\n", start, clock_ticks());
    while (clock_ticks() - edge < 20)
        arch_idle();
    kprintf("selftest: 20 ticks took %llu timestamp units\n", arch_timestamp() - t0);
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
    kprintf("selftest: kheap %s (bad %d, free frames %u -> %u, in use %u bytes)\n",
            bad == 0 && frame_count_free() == before && kheap_bytes_in_use() == 0
                ? "ok" : "FAILED",
            bad, before, frame_count_free(), (unsigned)kheap_bytes_in_use());
}

/* 64-bit division needs libgcc / compiler-rt: prove it is linked. */
static void test_divide64(void)
{
    volatile uint64_t big = 0x123456789ABCDEFull, d = 1000003;
    kprintf("selftest: divide64 %llu %llu\n", big / d, big % d);
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

struct selftest {
    const char *name;
    void (*run)(void);
};

static const struct selftest tests[] = {
    { "boot", test_boot },     { "fault", test_fault }, { "assert", test_assert },
    { "ticks", test_ticks },   { "echo", test_echo },   { "frames", test_frames },
    { "kheap", test_kheap },   { "divide64", test_divide64 },
    { "lockorder", test_lockorder },        { "lockagain", test_lockagain },
    { "schedcost", sched_cost_selftest },   /* proc/sched_cost.c */
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
