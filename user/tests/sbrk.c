/* sbrk: sbrk(0) returns the break, above the program image; growing
 * returns the old break and gives usable, zeroed memory that costs
 * nothing until touched; shrinking returns the old break, frees the pages
 * (touching them then kills) and growing again gives zeroed pages, not
 * the old contents; a break below the heap's start or beyond memory gives
 * -1 and leaves the break alone. malloc/free work for many sizes: blocks
 * are 16-byte aligned, never overlap, keep their contents, and memory is
 * reused after free. The stack grows on demand to half a megabyte. */
#include "utest.h"

#define PG 4096

int main(void);

static char bss_probe[100];

static int all_zero(const char *p, int n)
{
    for (int i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

static void heap_basics(void)
{
    char *b0 = sbrk(0);
    printf("  break at %p\n", (void *)b0);
    CHECK(b0 > (char *)main && b0 > bss_probe + sizeof bss_probe);
    CHECK(sbrk(0) == b0);

    char *p = sbrk(PG);
    CHECK(p == b0);
    CHECK(sbrk(0) == b0 + PG);
    CHECK(all_zero(p, PG));
    memset(p, 0x5A, PG);
    CHECK(p[0] == 0x5A && p[PG - 1] == 0x5A);

    char *q = sbrk(10000);
    CHECK(q == b0 + PG);
    CHECK(all_zero(q, 10000));
    memset(q, 0x33, 10000);
    CHECK(sbrk(-10000) == b0 + PG + 10000);
    CHECK(sbrk(0) == b0 + PG);
    CHECK(p[PG - 1] == 0x5A);               /* below the break: kept */

    /* Released pages are gone: touching one kills. */
    int pid = fork();
    if (pid == 0) {
        q[PG + 100] = 1;                    /* wholly above the break */
        exit(0);
    }
    int status = 0;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, -1);

    /* Grow again: zeroes, not the old bytes. */
    char *again = sbrk(3 * PG);
    CHECK(again == b0 + PG);
    CHECK(all_zero(again, 3 * PG));

    /* Out of range: -1, the break unchanged. */
    char *brk = sbrk(0);
    CHECK(sbrk(-(int)((unsigned int)brk - 0x1000)) == (char *)-1);  /* below the image */
    CHECK(sbrk((int)0x80000000) == (char *)-1);
    CHECK(sbrk(0x7FFFFFFF) == (char *)-1);
    CHECK(sbrk(0x40000000) == (char *)-1);  /* more than memory */
    struct sysinfo si;
    sysinfo(&si);
    CHECK(sbrk((int)si.freemem + 16 * PG) == (char *)-1);
    CHECK(sbrk(0) == brk);
    CHECK(sbrk(-(int)(brk - b0)) == brk);   /* back to the start */
    CHECK(sbrk(0) == b0);
}

/* Growing costs nothing until touched; shrinking gives the frames back. */
static void heap_memory(void)
{
    unsigned int f0 = free_memory();
    char *p = sbrk(256 * PG);
    CHECK(p != (char *)-1);
    CHECK_EQ(free_memory(), f0);
    for (int i = 0; i < 16; i++)
        p[i * PG] = 1;
    unsigned int f1 = free_memory();
    CHECK(f1 <= f0 - 16 * PG && f1 >= f0 - 17 * PG);   /* 16 pages, maybe a table */
    sbrk(-256 * PG);
    unsigned int f2 = free_memory();
    CHECK(f2 >= f0 - PG);
    /* Again: exactly the same as the first time. */
    p = sbrk(256 * PG);
    for (int i = 0; i < 16; i++)
        p[i * PG] = 1;
    CHECK_EQ(free_memory(), f1);
    sbrk(-256 * PG);
    CHECK_EQ(free_memory(), f2);
    printf("  free memory: %u, 16 pages touched %u, released %u\n", f0, f1, f2);
}

#define NBLOCKS 200

static unsigned char fill_of(int i)
{
    return (unsigned char)(i * 37 + 1);
}

static int block_ok(const unsigned char *p, int size, unsigned char c)
{
    for (int k = 0; k < size; k++)
        if (p[k] != c)
            return 0;
    return 1;
}

static void malloc_sizes(void)
{
    static unsigned char *blocks[NBLOCKS];
    static int sizes[NBLOCKS];
    int misaligned = 0, null = 0;
    for (int i = 0; i < NBLOCKS; i++) {
        sizes[i] = i < 20 ? i + 1 : (i * 7919) % 5000 + 1;
        blocks[i] = malloc(sizes[i]);
        null += blocks[i] == 0;
        misaligned += ((unsigned int)blocks[i] & 15) != 0;
        if (blocks[i])
            memset(blocks[i], fill_of(i), sizes[i]);
    }
    CHECK_EQ(null, 0);
    CHECK_EQ(misaligned, 0);
    int corrupt = 0;
    for (int i = 0; i < NBLOCKS; i++)
        corrupt += !block_ok(blocks[i], sizes[i], fill_of(i));
    CHECK_EQ(corrupt, 0);
    /* Free every other block, allocate new ones of other sizes, check all. */
    for (int i = 0; i < NBLOCKS; i += 2)
        free(blocks[i]);
    for (int i = 0; i < NBLOCKS; i += 2) {
        sizes[i] = (i * 104729) % 3000 + 1;
        blocks[i] = malloc(sizes[i]);
        null += blocks[i] == 0;
        if (blocks[i])
            memset(blocks[i], fill_of(i), sizes[i]);
    }
    CHECK_EQ(null, 0);
    for (int i = 0; i < NBLOCKS; i++)
        corrupt += !block_ok(blocks[i], sizes[i], fill_of(i));
    CHECK_EQ(corrupt, 0);
    for (int i = 0; i < NBLOCKS; i++)
        free(blocks[i]);
    /* After freeing everything, the same requests fit without growing. */
    char *brk = sbrk(0);
    for (int i = 0; i < NBLOCKS; i++)
        blocks[i] = malloc(sizes[i]);
    CHECK(sbrk(0) == brk);
    for (int i = 0; i < NBLOCKS; i++)
        free(blocks[i]);
    /* Big blocks, and impossible ones. */
    unsigned char *big = malloc(1 << 20);
    CHECK(big != 0);
    if (big) {
        memset(big, 0xEE, 1 << 20);
        CHECK(block_ok(big, 1 << 20, 0xEE));
        free(big);
    }
    CHECK(malloc(0x7FFFFFFF) == 0);
    CHECK(malloc(0x3FFFFFFF) == 0);
}

static int deep_stack(int depth)
{
    volatile char frame[4000];
    frame[0] = (char)depth;
    frame[3999] = (char)depth;
    if (depth == 0)
        return frame[0];
    return deep_stack(depth - 1) + frame[3999];
}

int main(void)
{
    heap_basics();
    heap_memory();
    malloc_sizes();
    /* Half a megabyte of stack, in a child. */
    int pid = fork();
    if (pid == 0) {
        deep_stack(128);
        exit(0);
    }
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
    DONE();
}
