/* fork copies memory: after fork, the child's writes to its heap (malloc),
 * stack, data and bss stay in the child, the parent's writes stay in the
 * parent; heap pages neither had touched before fork appear zeroed and
 * private in each; and a fork + exit cycle leaks no memory. */
#include "utest.h"

#define HEAP_BYTES 10000
#define FRESH_PAGES 4

static int data_var = 1;
static int bss_var;
static char bss_pages[3 * 4096];

static int all(const volatile char *p, int n, char c)
{
    for (int i = 0; i < n; i++)
        if (p[i] != c)
            return 0;
    return 1;
}

/* One round: returns the number of failed checks in parent and child. */
static int round_trip(void)
{
    int before = utest_failures;
    char *heap = malloc(HEAP_BYTES);
    volatile char stack_buf[6000];              /* spans two pages at least */
    memset(heap, 'P', HEAP_BYTES);
    for (int i = 0; i < (int)sizeof stack_buf; i++)
        stack_buf[i] = 's';
    memset(bss_pages, 'b', sizeof bss_pages);
    data_var = 1;
    bss_var = 0;
    /* Heap pages that nobody touched before fork. */
    char *fresh = sbrk(FRESH_PAGES * 4096);
    CHECK(fresh != (char *)-1);

    int to_parent[2], to_child[2];
    CHECK(pipe(to_parent) == 0 && pipe(to_child) == 0);
    int pid = fork();
    if (pid == 0) {
        int bad = 0;
        /* The child starts with the parent's values... */
        bad |= !all(heap, HEAP_BYTES, 'P') << 0;
        bad |= !all(stack_buf, sizeof stack_buf, 's') << 1;
        bad |= (data_var != 1 || bss_var != 0) << 2;
        bad |= !all(bss_pages, sizeof bss_pages, 'b') << 3;
        bad |= !all(fresh, FRESH_PAGES * 4096, 0) << 4;
        /* ...then changes all of it. */
        memset(heap, 'C', HEAP_BYTES);
        for (int i = 0; i < (int)sizeof stack_buf; i++)
            stack_buf[i] = 'c';
        memset(bss_pages, 'B', sizeof bss_pages);
        memset(fresh, 'F', FRESH_PAGES * 4096);
        data_var = 2;
        bss_var = 3;
        write(to_parent[1], "w", 1);
        char c;
        read(to_child[0], &c, 1);               /* the parent has written */
        bad |= !all(heap, HEAP_BYTES, 'C') << 5;
        bad |= !all(stack_buf, sizeof stack_buf, 'c') << 6;
        bad |= (data_var != 2 || bss_var != 3) << 7;
        bad |= !all(bss_pages, sizeof bss_pages, 'B') << 8;
        bad |= !all(fresh, FRESH_PAGES * 4096, 'F') << 9;
        exit(bad);
    }
    CHECK(pid > 0);
    char c = 0;
    CHECK_EQ(read(to_parent[0], &c, 1), 1);     /* the child has written */
    CHECK(all(heap, HEAP_BYTES, 'P'));
    CHECK(all(stack_buf, sizeof stack_buf, 's'));
    CHECK_EQ(data_var, 1);
    CHECK_EQ(bss_var, 0);
    CHECK(all(bss_pages, sizeof bss_pages, 'b'));
    CHECK(all(fresh, FRESH_PAGES * 4096, 0));
    /* Now the parent writes; the child checks its copy is untouched. */
    memset(heap, 'Q', HEAP_BYTES);
    for (int i = 0; i < (int)sizeof stack_buf; i++)
        stack_buf[i] = 'q';
    memset(bss_pages, 'x', sizeof bss_pages);
    memset(fresh, 'G', FRESH_PAGES * 4096);
    data_var = 5;
    bss_var = 6;
    write(to_child[1], "g", 1);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);        /* bit k set: the child's check k failed */
    CHECK(all(heap, HEAP_BYTES, 'Q'));
    CHECK(all(stack_buf, sizeof stack_buf, 'q'));
    CHECK(data_var == 5 && bss_var == 6);
    CHECK(all(fresh, FRESH_PAGES * 4096, 'G'));
    close(to_parent[0]);
    close(to_parent[1]);
    close(to_child[0]);
    close(to_child[1]);
    free(heap);
    CHECK(sbrk(-FRESH_PAGES * 4096) == fresh + FRESH_PAGES * 4096);
    return utest_failures - before;
}

int main(void)
{
    round_trip();                       /* warms up the kernel heap */
    unsigned int free1 = free_memory();
    round_trip();
    unsigned int free2 = free_memory();
    printf("  free memory after round 1: %u, after round 2: %u\n", free1, free2);
    CHECK_EQ(free2, free1);             /* the second round leaked nothing */
    DONE();
}
