// Host tests of kernel/mm/kheap.c (the kernel heap) over the real frame
// allocator on a fake physical arena.
// sources: kernel/mm/kheap.c kernel/mm/frame.c
#include <stdint.h>
#include <stdlib.h>


#include "mm/frame.h"
#include "mm/kheap.h"
#include "unit.h"

#define BASE  0x100000u
#define NFRAMES 256u
static unsigned char *arena;

uint32_t *host_frame_ptr(uint32_t pa) { return (uint32_t *)(arena + (pa - BASE)); }
uint32_t host_v2p(void *va) { return (uint32_t)((unsigned char *)va - arena) + BASE; }

int main(void)
{
    arena = aligned_alloc(FRAME_SIZE, NFRAMES * FRAME_SIZE);
    static uint16_t refs[(BASE + NFRAMES * FRAME_SIZE) / FRAME_SIZE];
    frame_init(refs, (BASE + NFRAMES * FRAME_SIZE) / FRAME_SIZE);
    struct phys_range all = { BASE, BASE + NFRAMES * FRAME_SIZE };
    frame_add_ranges(&all, 1, 0, 0);

    UNIT_BEGIN("kheap: sizes 1..KHEAP_MAX are 16-byte aligned and hold their data");
    static void *p[600];
    static size_t sz[600];
    int n = 0;
    for (size_t s = 1; s <= KHEAP_MAX; s = s * 3 / 2 + 1) {
        sz[n] = s;
        p[n] = kmalloc(s);
        CHECK(p[n] != 0);
        CHECK(((uintptr_t)p[n] & 15) == 0);
        memset(p[n], n, s);
        n++;
    }
    for (int i = 0; i < n; i++) {
        unsigned char *b = p[i];
        CHECK(b[0] == (unsigned char)i && b[sz[i] - 1] == (unsigned char)i);
    }
    UNIT_END();

    UNIT_BEGIN("kheap: freeing everything returns every frame");
    for (int i = 0; i < n; i++)
        kfree(p[i]);
    CHECK(frame_count_free() == NFRAMES);
    CHECK(kheap_bytes_in_use() == 0);
    UNIT_END();

    UNIT_BEGIN("kheap: too big is NULL; kzalloc zeroes; kfree(NULL) is fine");
    CHECK(kmalloc(KHEAP_MAX + 1) == 0);
    unsigned char *z = kmalloc(100);
    memset(z, 0xFF, 100);
    kfree(z);
    z = kzalloc(100);
    int zero = 1;
    for (int i = 0; i < 100; i++)
        zero &= z[i] == 0;
    CHECK(zero);
    kfree(z);
    kfree(0);
    CHECK(frame_count_free() == NFRAMES);
    UNIT_END();

    UNIT_BEGIN("kheap: exhaustion gives NULL, and memory comes back afterwards");
    int got = 0;
    while (got < 600 && (p[got] = kmalloc(2048)) != 0)
        got++;
    CHECK(got < 600);                   /* ran out before 600 pages */
    CHECK(frame_count_free() == 0);
    for (int i = 0; i < got; i++)
        kfree(p[i]);
    CHECK(frame_count_free() == NFRAMES);
    UNIT_END();

    UNIT_BEGIN("kheap: interleaved alloc/free of mixed sizes never overlaps");
    memset(p, 0, sizeof p);
    unsigned seed = 12345;
    for (int round = 0; round < 2000; round++) {
        seed = seed * 1103515245 + 12345;
        int i = (seed >> 8) % 64;
        if (p[i]) {
            unsigned char *b = p[i];
            for (size_t k = 0; k < sz[i]; k++)
                if (b[k] != (unsigned char)i) { CHECK(!"object overwritten"); break; }
            kfree(p[i]);
            p[i] = 0;
        } else {
            sz[i] = (seed >> 16) % 700 + 1;
            p[i] = kmalloc(sz[i]);
            if (p[i])
                memset(p[i], i, sz[i]);
        }
    }
    for (int i = 0; i < 64; i++)
        kfree(p[i]);
    CHECK(frame_count_free() == NFRAMES);
    UNIT_END();
    UNIT_EXIT();
}
