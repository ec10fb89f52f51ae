/*
 * The lazy heap: sbrk(n) only moves the break; each page appears, zero-
 * filled, at its first touch (one frame each); sbrk(-n) gives back the pages
 * wholly above the new break, and touching them afterwards kills the process;
 * pages that come back after a shrink are zero again; sbrk refuses to go
 * below the image, to wrap, or to grow the heap past what it holds plus the
 * free memory, leaving the break unchanged.
 * Also prints the largest sbrk that succeeds right now.
 */
#include "vm_util.h"

static char *released;

static int touch_released(void)
{
    released[0] = 1;
    return SURVIVED;
}

static int read_released(void)
{
    return *(volatile char *)released == 0 ? SURVIVED : SURVIVED + 1;
}

/* Page tables the heap range [a, b) needs beyond the image's first one. */
static int new_tables(uint32_t a, uint32_t b)
{
    int n = 0;
    for (uint32_t pd = (a >> 22) + 1; pd <= ((b - 1) >> 22); pd++)
        n++;
    if ((a >> 22) != (IMAGE_BASE >> 22) && (a & 0x3FFFFF) == 0)
        n++;
    return n;
}

int main(void)
{
    pretouch_image();                           /* code pages load now, not mid-count */
    /* Start from a page-aligned break. */
    char *b0 = sbrk(0);
    if ((uint32_t)b0 % PAGE)
        sbrk((int)(PAGE - (uint32_t)b0 % PAGE));
    b0 = sbrk(0);
    free_pages();                               /* warm up */

    const int N = 256;                          /* 1 MiB */
    unsigned int f0 = free_pages();
    char *p = sbrk(N * (int)PAGE);
    unsigned int f1 = free_pages();
    CHECK(p == b0);
    CHECK(sbrk(0) == b0 + N * PAGE);
    printf("  sbrk(1 MiB): free frames %u -> %u\n", f0, f1);
    CHECK_EQ(f1, f0);                           /* the break moved; nothing else */

    /* First touch: a zeroed page for one frame (plus any page table). */
    int nonzero = 0;
    for (int k = 0; k < N; k++)
        for (unsigned int i = 0; i < PAGE; i += 64)
            nonzero += p[k * PAGE + i] != 0;
    unsigned int f2 = free_pages();
    CHECK_EQ(nonzero, 0);
    int tables = new_tables((uint32_t)p, (uint32_t)p + N * PAGE);
    printf("  reading its %d pages: free frames %u -> %u (%d new page tables)\n", N, f1, f2, tables);
    CHECK_EQ(f1 - f2, (unsigned int)(N + tables));
    for (int k = 0; k < N; k++)
        p[k * PAGE + k] = (char)(k + 1);
    CHECK_EQ(free_pages(), f2);                 /* writing them costs nothing more */

    /* Shrinking gives the pages back; the rest keep their contents. */
    CHECK(sbrk(-(N / 2) * (int)PAGE) == b0 + N * PAGE);
    unsigned int f3 = free_pages();
    printf("  sbrk(-512 KiB): free frames %u -> %u\n", f2, f3);
    CHECK_EQ(f3 - f2, (unsigned int)N / 2);
    int bad = 0;
    for (int k = 0; k < N / 2; k++)
        bad += p[k * PAGE + k] != (char)(k + 1);
    CHECK_EQ(bad, 0);
    released = p + (N / 2) * PAGE;
    CHECK_EQ(child_status(touch_released), -1);
    CHECK_EQ(child_status(read_released), -1);
    released = p + N * PAGE - 1;
    CHECK_EQ(child_status(read_released), -1);

    /* A shrink inside a page keeps that page and its bytes. */
    char *mid = sbrk(0);
    CHECK(sbrk(100) == mid);
    mid[99] = 'x';
    CHECK(sbrk(-50) == mid + 100);
    CHECK(sbrk(0) == mid + 50);
    CHECK_EQ(mid[49], 0);
    CHECK(sbrk(50) == mid + 50);
    CHECK_EQ(mid[99], 'x');
    CHECK(sbrk(-100) == mid + 100);

    /* Pages given back and taken again are fresh zero pages. */
    CHECK(sbrk(0) == b0 + (N / 2) * PAGE);
    CHECK(sbrk((N / 2) * (int)PAGE) == b0 + (N / 2) * PAGE);
    nonzero = 0;
    for (int k = N / 2; k < N; k++)
        nonzero += p[k * PAGE + k] != 0;
    CHECK_EQ(nonzero, 0);

    /* Refusals leave the break where it was. */
    char *b1 = sbrk(0);
    CHECK(sbrk(INT_MIN_) == SBRK_FAIL);
    CHECK(sbrk(INT_MAX_) == SBRK_FAIL);
    CHECK(sbrk(-(int)((uint32_t)b1 - IMAGE_BASE) - 1) == SBRK_FAIL);    /* below the image */
    CHECK(sbrk(-(int)(uint32_t)b1 - (int)PAGE) == SBRK_FAIL);           /* below 0 */
    CHECK(sbrk((int)(USER_TOP - (uint32_t)b1)) == SBRK_FAIL);           /* wraps: a huge shrink */
    CHECK(sbrk(0) == b1);

    /* The heap as a whole may not outgrow what it holds plus the free
     * memory: sbrk refuses up front, however the growth is split. (So with
     * less than 3 GiB of RAM it can never get near the stack's guard page;
     * USER_HEAP_MAX, below that page, is the hard limit.) */
    unsigned int fr = free_pages();
    char *g = sbrk((int)(fr * PAGE));
    CHECK(g == b1);
    CHECK(sbrk(PAGE) == SBRK_FAIL);
    CHECK(sbrk(1) == SBRK_FAIL);
    CHECK(sbrk(-(int)(fr * PAGE)) == b1 + fr * PAGE);
    CHECK(sbrk(0) == b1);
    CHECK_EQ(free_pages(), fr);         /* none of it was ever touched */

    /* The largest sbrk that succeeds now (the kernel refuses more than the
     * free memory could back), found by bisection in pages. */
    unsigned int lo = 0, hi = free_pages() + 2;
    while (lo + 1 < hi) {
        unsigned int mid_pages = (lo + hi) / 2;
        if (sbrk((int)(mid_pages * PAGE)) != SBRK_FAIL) {
            sbrk(-(int)(mid_pages * PAGE));
            lo = mid_pages;
        } else {
            hi = mid_pages;
        }
    }
    struct sysinfo si;
    sysinfo(&si);
    printf("  largest sbrk that succeeds: %u bytes (%u KiB); freemem %u, totalmem %u\n",
           lo * PAGE, lo * 4, si.freemem, si.totalmem);
    CHECK_EQ(lo, si.freemem / PAGE);
    CHECK(sbrk(0) == b1);

    /* malloc rides on sbrk. */
    char *m = malloc(100000);
    CHECK(m != 0);
    if (m) {
        memset(m, 7, 100000);
        free(m);
    }
    DONE();
}
