/*
 * Running out of physical memory. With every frame taken (by a child that
 * hogs them), fork, exec and sbrk return -1; a lazy fault that cannot get a
 * frame (heap page, stack page, image page, copy-on-write copy) kills the
 * faulting process with "out of memory" and nothing else; the kernel does
 * not panic; and once the hog is gone free memory and the process count
 * are exactly back to their baseline. Runs at QEMU's -m 16 as well
 * (tests/user/vm_small_mem.py).
 */
#include "vm_util.h"

static char untouched[2 * 4096] __attribute__((aligned(4096)));    /* bss, never read */
static char *shared;                    /* a heap page this process wrote */

/* Refusals: everything that needs memory says -1, then works again once
 * some is released. Returns a bit mask of what went wrong. */
static int refusals(void)
{
    pretouch_stack();
    pretouch_image_below(untouched);
    char *args[] = { "echo", "exec worked with no memory", 0 };
    int fds[2];
    unsigned int taken = hog();
    int bad = 0;
    if (free_pages() != 0)
        bad |= 1;
    if (fork_and_reap() != -1)
        bad |= 2;
    if (exec("/bin/echo", args) != -1)
        bad |= 4;
    if (sbrk(PAGE) != SBRK_FAIL || sbrk(1) != SBRK_FAIL)
        bad |= 8;
    if (pipe(fds) == 0) {               /* may fit in a kernel slab page already there */
        close(fds[0]);
        close(fds[1]);
    }
    if (free_pages() != 0)
        bad |= 16;
    /* Give 64 heap pages back: things work again. */
    sbrk(-64 * (int)PAGE);
    if (free_pages() != 64)
        bad |= 32;
    if (fork_and_reap() <= 0)
        bad |= 64;
    if (free_pages() != 64)
        bad |= 128;
    printf("  refusals: took %u frames; then fork, exec, sbrk refused (bits %x)\n", taken, bad);
    return bad;
}

static int heap_overcommit(void)
{
    /* sbrk allows the free memory, but touching it needs page tables too. */
    unsigned int n = free_pages();
    char *p = sbrk((int)(n * PAGE));
    if (p == SBRK_FAIL)
        return 1;
    for (unsigned int i = 0; i < n; i++)
        p[i * PAGE] = 1;
    return SURVIVED;
}

static volatile int depth_sink;

static int __attribute__((noinline)) deeper(int n)
{
    volatile char buf[2048];
    buf[0] = (char)n;
    if (n == 0)
        return buf[0];
    return deeper(n - 1) + buf[0];
}

static int stack_oom(void)
{
    pretouch_stack();
    pretouch_image_below(untouched);
    hog();
    depth_sink = deeper(200);           /* 400 KiB below the pretouched part */
    return SURVIVED;
}

static int image_oom(void)
{
    pretouch_stack();
    pretouch_image_below(untouched);
    hog();
    return untouched[PAGE] == 0 ? SURVIVED : SURVIVED + 1;
}

static int cow_oom(void)
{
    pretouch_stack();
    pretouch_image_below(untouched);
    hog();
    shared[8] = 2;                      /* shared with the parent: needs a copy */
    return SURVIVED;
}

static unsigned int f0, n0;

static void episode(const char *name, int (*fn)(void), int want)
{
    int start = uptime();
    int st = child_status(fn);
    unsigned int f = free_memory(), n = nproc_now();
    printf("  %s: status %d in %d ticks; freemem %u (baseline %u), nproc %u (%u)\n", name, st,
           uptime() - start, f, f0, n, n0);
    CHECK_EQ(st, want);
    CHECK_EQ(f, f0);
    CHECK_EQ(n, n0);
}

int main(void)
{
    pretouch_image_below(untouched);
    char *b = sbrk(0);
    if ((uint32_t)b % PAGE)
        sbrk((int)(PAGE - (uint32_t)b % PAGE));
    shared = sbrk(PAGE);
    shared[8] = 1;
    child_status(heap_overcommit);      /* warm up */
    f0 = free_memory();
    n0 = nproc_now();
    episode("refusals", refusals, 0);
    episode("heap pages past the memory", heap_overcommit, -1);
    episode("stack growth", stack_oom, -1);
    episode("image page", image_oom, -1);
    episode("copy-on-write copy", cow_oom, -1);
    CHECK_EQ(shared[8], 1);
    DONE();
}
