/*
 * 1,000 copy-on-write forks (the cow lab's memory check). A process with
 * 128 heap pages forks 1,000 times; each child checks what it inherited,
 * writes one page (one frame copied, on its side only) and exits. Each
 * fork costs fewer than 16 frames (page tables and a kernel stack, not
 * the 128 pages), the parent's pages never change, and once the last
 * child is reaped free memory is exactly where it was: every copy and
 * every page table goes back with its last reference.
 */
#include "vm_util.h"

#define N 128                           /* heap pages */
#define FORKS 1000

static char *heap;

static int child(int i)
{
    for (int k = 0; k < N; k++)
        if (heap[k * PAGE] != (char)k)
            return 1;
    heap[(i % N) * PAGE] = (char)~i;    /* one private copy */
    return heap[(i % N) * PAGE] == (char)~i ? 0 : 2;
}

int main(void)
{
    pretouch_image();
    heap = sbrk(N * (int)PAGE);
    for (int k = 0; k < N; k++)
        heap[k * PAGE] = (char)k;
    int warm = fork();                  /* the first fork's one-time costs */
    if (warm == 0)
        exit(child(0));
    CHECK_EQ(wait_for(warm), 0);
    unsigned int before = free_memory(), worst = 0;
    for (int i = 0; i < FORKS; i++) {
        unsigned int f = free_pages();
        int pid = fork();
        if (pid == 0)
            exit(child(i));
        unsigned int cost = f - free_pages();
        worst = cost > worst ? cost : worst;
        int status = wait_for(pid);
        if (status != 0 || cost >= 16) {
            printf("  fork %d: cost %u frames, child exited %d\n", i, cost, status);
            CHECK(cost < 16);
            CHECK_EQ(status, 0);
            break;
        }
    }
    unsigned int after = free_memory();
    printf("  %d forks of a process with %d heap pages: at most %u frames each; "
           "free memory %u before, %u after\n", FORKS, N, worst, before, after);
    CHECK_EQ(after, before);
    for (int k = 0; k < N; k++)
        CHECK_EQ(heap[k * PAGE], (char)k);
    DONE();
}
