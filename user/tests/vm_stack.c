/*
 * The stack grows on demand, one zero-filled frame per page, down to
 * USER_STACK_MAX (1 MiB) below USER_TOP; the page below that is a guard
 * page that is never mapped: running into it (deep recursion, a big local
 * array) kills the process, and only that process.
 */
#include "vm_util.h"

#define FRAME 4000

/* Recurses depth times with about 4 KiB of locals per call, touching
 * them; returns a checksum that depends on every level. */
static int __attribute__((noinline)) recurse(int depth)
{
    volatile char buf[FRAME];
    buf[0] = (char)depth;
    buf[FRAME - 1] = (char)(depth >> 8);
    if (depth == 0)
        return 0;
    return recurse(depth - 1) + buf[0] + buf[FRAME - 1];
}

static int deep_ok(void)
{
    /* 230 x ~4 KiB: about 920 KiB of stack, inside the 1 MiB limit. */
    unsigned int before = free_pages();
    int sum = recurse(230);
    unsigned int used = before - free_pages();
    int want = 0;
    for (int d = 1; d <= 230; d++)
        want += (char)d + (char)(d >> 8);
    printf("  recursion 230 x %d bytes: %u new stack frames\n", FRAME, used);
    if (sum != want || used < 220 || used > 240)
        return 1;
    return 0;
}

static volatile int never;

static int forever(int n)
{
    volatile char buf[FRAME];
    buf[0] = (char)n;
    if (never)
        return 0;
    return forever(n + 1) + buf[0];
}

static int overflow(void)
{
    forever(0);
    return SURVIVED;
}

static int touch(uint32_t addr)
{
    *AT(addr) = 1;
    return *AT(addr) == 1 ? 0 : 3;
}

static int big_local(void)
{
    volatile char huge[1200 * 1024];    /* more than the whole stack */
    huge[0] = 1;
    return huge[0] == 1 ? SURVIVED : SURVIVED + 1;
}

static int zero_fill(void)
{
    /* A page never touched before reads as zeros. */
    volatile char *p = (volatile char *)(STACK_LOW + 8 * PAGE);
    for (unsigned int i = 0; i < PAGE; i++)
        if (p[i] != 0)
            return 1;
    return 0;
}

int main(void)
{
    CHECK_EQ(child_status(deep_ok), 0);
    CHECK_EQ(child_status(zero_fill), 0);
    /* The lowest stack byte is usable; the guard page below it is not. */
    CHECK_EQ(child_status_arg(touch, STACK_LOW), 0);
    CHECK_EQ(child_status_arg(touch, USER_TOP - 1), 0);
    CHECK_EQ(child_status_arg(touch, STACK_LOW - 1), -1);
    CHECK_EQ(child_status_arg(touch, STACK_LOW - PAGE), -1);
    CHECK_EQ(child_status_arg(touch, STACK_LOW - 2 * PAGE), -1);
    /* Running off the stack kills only the runner. */
    unsigned int f0 = free_pages(), n0 = nproc_now();
    CHECK_EQ(child_status(overflow), -1);
    CHECK_EQ(child_status(big_local), -1);
    CHECK_EQ(free_pages(), f0);
    CHECK_EQ(nproc_now(), n0);
    CHECK_EQ(recurse(3), 3 + 2 + 1);    /* and this process is fine */
    DONE();
}
