/*
 * 1000 fork/exit/wait cycles leave free memory and the process count
 * exactly where they were (read from this process, whose own pages are
 * all faulted in and private again after a warm-up cycle).
 */
#include "vm_util.h"

#define CYCLES 1000

static int cycle(int i)
{
    int pid = fork();
    if (pid == 0)
        exit(i & 0x7F);
    int status = -1;
    return wait(&status) == pid && status == (i & 0x7F);
}

int main(void)
{
    pretouch_image();
    cycle(0);                           /* warm up */
    unsigned int f0 = free_memory(), n0 = nproc_now();
    int start = uptime(), ok = 0;
    for (int i = 1; i <= CYCLES; i++)
        ok += cycle(i);
    int ticks = uptime() - start;
    unsigned int f1 = free_memory(), n1 = nproc_now();
    printf("  %d fork/exit/wait cycles in %d ticks: freemem before %u after %u, nproc %u -> %u\n",
           CYCLES, ticks, f0, f1, n0, n1);
    CHECK_EQ(ok, CYCLES);
    CHECK_EQ(f1, f0);
    CHECK_EQ(n1, n0);
    DONE();
}
