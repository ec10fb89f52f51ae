/*
 * A fork bomb: every process forks until fork fails (the process table or
 * memory is full), its children do the same, then each waits for its own
 * children and exits. fork returns -1 when full, nothing panics, and free
 * memory and the process count come back exactly.
 */
#include "vm_util.h"

#define DEPTH 3

static int fails;                       /* in each process: its failed forks */

/* Returns the number of processes created below this one. */
static int bomb(int depth, int out)
{
    int made = 0;
    for (;;) {
        int pid = fork();
        if (pid < 0) {
            fails++;
            break;
        }
        if (pid == 0) {
            int below = depth > 0 ? bomb(depth - 1, out) : 0;
            exit(below > 200 ? 200 : below);
        }
        made++;
        if (made >= 64)
            break;
    }
    int total = made, status;
    while (wait(&status) >= 0)
        total += status > 0 ? status : 0;
    if (fails)
        write(out, "f", 1);             /* at least one fork refused */
    return total;
}

static int run(int out)
{
    int total = bomb(DEPTH, out);
    return total > 200 ? 200 : total;
}

int main(void)
{
    pretouch_image();
    int p[2];
    pipe(p);
    child_status_arg((int (*)(uint32_t))run, (uint32_t)p[1]);     /* warm up */
    unsigned int f0 = free_memory(), n0 = nproc_now();
    int start = uptime();
    int made = child_status_arg((int (*)(uint32_t))run, (uint32_t)p[1]);
    int ticks = uptime() - start;
    unsigned int n1 = settle_nproc(n0), f1 = free_memory();
    close(p[1]);
    char buf[64];
    int refusals = 0, r;
    while ((r = read(p[0], buf, sizeof buf)) > 0)
        refusals += r;
    printf("  fork bomb: %d processes (capped at 200) in %d ticks, %d processes saw fork fail; "
           "freemem before %u after %u, nproc %u -> %u\n",
           made, ticks, refusals, f0, f1, n0, n1);
    CHECK(made > 0);
    CHECK(refusals > 0);
    CHECK_EQ(f1, f0);
    CHECK_EQ(n1, n0);
    DONE();
}
