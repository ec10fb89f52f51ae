/*
 * A copy-on-write fork where parent and child each write every page they
 * share (heap, data, bss, stack) leaves free memory exactly where it was
 * once the child is reaped: every copy is freed with its last reference,
 * and the parent's originals come back to it without a copy.
 */
#include "vm_util.h"

#define N 512                           /* 2 MiB of heap */

static char *heap;
static volatile char data_area[3 * 4096] = { 1 };
static volatile char bss_area[3 * 4096];

static void __attribute__((noinline)) write_all(char v)
{
    volatile char stack_area[8 * 4096];
    for (unsigned int i = 0; i < sizeof stack_area; i += PAGE)
        stack_area[i] = v;
    for (int k = 0; k < N; k++)
        heap[k * PAGE + 1] = v;
    for (unsigned int i = 0; i < sizeof data_area; i += PAGE)
        data_area[i] = v;
    for (unsigned int i = 0; i < sizeof bss_area; i += PAGE)
        bss_area[i] = v;
}

static int all_are(char v)
{
    int bad = 0;
    for (int k = 0; k < N; k++)
        bad += heap[k * PAGE + 1] != v;
    return bad;
}

/* One fork where both sides write everything while both are alive: the
 * child first (copying), then the parent (the last sharer by then). The
 * frames each side's writes cost go to *child_cost and *parent_cost. */
static void round_trip(char pv, char cv, int *child_cost, int *parent_cost)
{
    int up[2], down[2];
    pipe(up);
    pipe(down);
    int pid = fork();
    if (pid == 0) {
        free_pages();
        unsigned int a = free_pages();
        write_all(cv);
        int cost = (int)(a - free_pages());
        write(up[1], &cost, sizeof cost);
        read(down[0], &cost, 1);        /* the parent has written too */
        exit(all_are(cv) == 0 ? 0 : 1);
    }
    int cost = -1;
    read(up[0], &cost, sizeof cost);
    *child_cost = cost;
    unsigned int a = free_pages();
    write_all(pv);
    *parent_cost = (int)(a - free_pages());
    write(down[1], "k", 1);
    CHECK_EQ(wait_for(pid), 0);
    CHECK_EQ(all_are(pv), 0);
    close(up[0]); close(up[1]); close(down[0]); close(down[1]);
}

int main(void)
{
    pretouch_image();
    heap = sbrk(N * (int)PAGE);
    write_all(1);
    int cc, pc, cc2, pc2;
    round_trip(2, 3, &cc, &pc);         /* warm up */
    unsigned int f0 = free_memory(), n0 = nproc_now();
    round_trip(4, 5, &cc, &pc);
    unsigned int f1 = free_memory(), n1 = nproc_now();
    round_trip(6, 7, &cc2, &pc2);
    unsigned int f2 = free_memory();
    printf("  COW fork, both sides writing all %d heap pages and their data, bss and stack: "
           "the child's writes copied %d frames, the parent's %d (then %d and %d); "
           "freemem before %u after %u, again %u; nproc %u -> %u\n",
           N, cc, pc, cc2, pc2, f0, f1, f2, n0, n1);
    CHECK(cc >= N + 6 && cc < N + 32);
    CHECK(pc >= 0 && pc < 8);
    CHECK_EQ(f1, f0);
    CHECK_EQ(f2, f0);
    CHECK_EQ(n1, n0);
    DONE();
}
