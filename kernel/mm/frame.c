/* Physical frames; see frame.h for the design. */
#include "mm/frame.h"

#include "core/panic.h"
#include "core/spinlock.h"

/* All guarded by frames_lock. */
static struct spinlock frames_lock = SPINLOCK_INIT("frames", LOCK_RANK_FRAMES);
static uint32_t free_head;      /* physical address of the first free frame; 0 = none */
static uint32_t nfree;
static uint32_t ntotal;
static uint32_t lowest = 0xFFFFFFFF, highest;   /* bounds of managed frames */
static uint16_t *refs;          /* by frame number; 0 for a free frame */
static uint32_t nrefs;

void frame_init(uint16_t *refcounts, uint32_t nframes)
{
    refs = refcounts;
    nrefs = nframes;
    for (uint32_t i = 0; i < nframes; i++)
        refs[i] = 0;
}

static uint16_t *ref_of(uint32_t pa)
{
    uint32_t f = pa / FRAME_SIZE;
    if ((pa & (FRAME_SIZE - 1)) || pa < lowest || pa > highest || f >= nrefs)
        panic("frame %x is not a frame this allocator handed out", pa);
    return &refs[f];
}

static uint64_t max64(uint64_t a, uint64_t b) { return a > b ? a : b; }
static uint64_t min64(uint64_t a, uint64_t b) { return a < b ? a : b; }

static void push_frame(uint32_t pa)
{
    *FRAME_PTR(pa) = free_head;
    free_head = pa;
    nfree++;
}

/* Adds [start, end) minus the excluded ranges, recursing on the pieces.
 * The upper piece goes first so the lowest frames end up at the head of
 * the list (low memory first makes boot logs and debugging predictable). */
static uint32_t add_piece(uint64_t start, uint64_t end,
                          const struct phys_range *excl, int nexcl)
{
    start = (start + FRAME_SIZE - 1) & ~(uint64_t)(FRAME_SIZE - 1);
    end &= ~(uint64_t)(FRAME_SIZE - 1);
    if (start >= end)
        return 0;
    for (int i = 0; i < nexcl; i++) {
        if (excl[i].start < end && excl[i].end > start) {
            uint32_t upper = add_piece(max64(start, excl[i].end), end, excl, nexcl);
            return upper + add_piece(start, min64(end, excl[i].start), excl, nexcl);
        }
    }
    /* Push from the top so the list hands out low frames first. */
    ASSERT(end / FRAME_SIZE <= nrefs);
    for (uint64_t pa = end; pa > start; pa -= FRAME_SIZE)
        push_frame((uint32_t)(pa - FRAME_SIZE));
    if (start < lowest)
        lowest = (uint32_t)start;
    if (end - 1 > highest)
        highest = (uint32_t)(end - 1);
    return (uint32_t)((end - start) / FRAME_SIZE);
}

uint32_t frame_add_ranges(const struct phys_range *avail, int navail,
                          const struct phys_range *excl, int nexcl)
{
    uint32_t added = 0;
    spin_lock(&frames_lock);
    for (int i = navail - 1; i >= 0; i--)
        added += add_piece(avail[i].start, avail[i].end, excl, nexcl);
    ntotal += added;
    spin_unlock(&frames_lock);
    return added;
}

uint32_t frame_alloc(void)
{
    spin_lock(&frames_lock);
    uint32_t pa = free_head;
    if (pa) {
        free_head = *FRAME_PTR(pa);
        nfree--;
        refs[pa / FRAME_SIZE] = 1;
    }
    spin_unlock(&frames_lock);
    return pa;
}

void frame_free(uint32_t pa)
{
    spin_lock(&frames_lock);
    uint16_t *r = ref_of(pa);
    if (*r != 1)
        panic("frame_free: frame %x has %u references (double free?)", pa, *r);
    *r = 0;
    push_frame(pa);
    spin_unlock(&frames_lock);
}

void frame_get(uint32_t pa)
{
    spin_lock(&frames_lock);
    uint16_t *r = ref_of(pa);
    ASSERT(*r > 0 && *r < 0xFFFF);
    (*r)++;
    spin_unlock(&frames_lock);
}

void frame_put(uint32_t pa)
{
    spin_lock(&frames_lock);
    uint16_t *r = ref_of(pa);
    if (*r == 0)
        panic("frame_put: frame %x is already free", pa);
    if (--*r == 0)
        push_frame(pa);
    spin_unlock(&frames_lock);
}

uint32_t frame_refs(uint32_t pa)
{
    return *ref_of(pa);
}

uint32_t frame_count_free(void)
{
    return nfree;
}

uint32_t frame_count_total(void)
{
    return ntotal;
}
