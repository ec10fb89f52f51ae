// Host tests of kernel/mm/frame.c, the physical frame allocator, on a
// fake "physical memory" arena.
// sources: kernel/mm/frame.c
#include <stdint.h>
#include <stdlib.h>


#include "mm/frame.h"
#include "unit.h"

#define BASE  0x100000u             /* fake physical address of arena[0] */
#define SIZE  (64u * FRAME_SIZE)
static unsigned char *arena;

uint32_t *host_frame_ptr(uint32_t pa)
{
    if (pa < BASE || pa >= BASE + SIZE) {
        printf("FAIL frame allocator touched %x outside its memory\n", pa);
        exit(2);
    }
    return (uint32_t *)(arena + (pa - BASE));
}

int main(void)
{
    arena = aligned_alloc(FRAME_SIZE, SIZE);
    static uint16_t refs[(BASE + SIZE) / FRAME_SIZE];
    frame_init(refs, (BASE + SIZE) / FRAME_SIZE);

    UNIT_BEGIN("frames: ranges are trimmed to whole frames, exclusions honoured");
    /* Available: the arena, with a ragged start and end. Excluded: frames
     * 10..11 (a "kernel image") and 40..49 (a "module"). */
    struct phys_range avail[] = { { BASE + 100, BASE + SIZE - 100 } };
    struct phys_range excl[] = {
        { BASE + 10 * FRAME_SIZE, BASE + 12 * FRAME_SIZE },
        { BASE + 40 * FRAME_SIZE + 5, BASE + 49 * FRAME_SIZE + 1 },
    };
    uint32_t added = frame_add_ranges(avail, 1, excl, 2);
    /* 64 frames, less the partial first and last (2), less 10..11 (2),
     * less 40..49 (10). */
    CHECK(added == 50);
    CHECK(frame_count_free() == 50);
    CHECK(frame_count_total() == 50);
    UNIT_END();

    UNIT_BEGIN("frames: every allocation is distinct, aligned, outside exclusions");
    static uint32_t got[64];
    int n = 0;
    for (uint32_t pa; (pa = frame_alloc()) != 0; n++) {
        got[n] = pa;
        CHECK(pa % FRAME_SIZE == 0);
        uint32_t f = (pa - BASE) / FRAME_SIZE;
        CHECK(f >= 1 && f <= 62);
        CHECK(!(f >= 10 && f <= 11) && !(f >= 40 && f <= 49));
        for (int j = 0; j < n; j++)
            CHECK(got[j] != pa);
        memset(host_frame_ptr(pa), 0xEE, FRAME_SIZE);   /* user scribbles */
    }
    CHECK(n == 50);
    CHECK(got[0] == BASE + FRAME_SIZE);                 /* low frames first */
    CHECK(frame_count_free() == 0);
    CHECK(frame_alloc() == 0);                          /* exhausted: 0, again */
    UNIT_END();

    UNIT_BEGIN("frames: freeing restores the exact count and frames are reused");
    for (int i = 0; i < n; i++)
        frame_free(got[i]);
    CHECK(frame_count_free() == 50);
    uint32_t again = frame_alloc();
    CHECK(again == got[n - 1]);                         /* LIFO */
    frame_free(again);
    CHECK(frame_count_free() == 50);
    UNIT_END();

    UNIT_BEGIN("frames: reference counts: get/put share a frame, the last put frees it");
    uint32_t f = frame_alloc();
    CHECK(frame_refs(f) == 1);
    frame_get(f);
    frame_get(f);
    CHECK(frame_refs(f) == 3);
    uint32_t before = frame_count_free();
    frame_put(f);
    frame_put(f);
    CHECK(frame_count_free() == before);        /* still referenced */
    frame_put(f);
    CHECK(frame_count_free() == before + 1);    /* last reference freed it */
    CHECK(frame_refs(f) == 0);
    UNIT_END();
    UNIT_EXIT();
}
