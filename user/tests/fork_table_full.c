/* fork returns -1 once the process table is full (NPROC, at least 64
 * slots) and keeps returning -1 without leaking anything; when the
 * children are reaped, nproc is back to its start value and fork works
 * again. Two rounds: the second must fit exactly as many children as the
 * first and end with the same free memory. */
#include "utest.h"

#define MAXKIDS 2048

static int pids[MAXKIDS];

/* Fills the table; returns how many children fit. */
static int fill_and_reap(unsigned int start)
{
    int go[2];
    CHECK(pipe(go) == 0);
    int n = 0;
    while (n < MAXKIDS) {
        int pid = fork();
        if (pid == 0) {
            close(go[1]);
            char c;
            exit(read(go[0], &c, 1) == 0 ? 0 : 3);     /* waits for EOF */
        }
        if (pid < 0)
            break;
        pids[n++] = pid;
    }
    /* Let every child reach its read (its first run allocates memory). */
    int blocked = 0;
    for (int i = 0; i < n; i++)
        blocked += await_state(pids[i], PROC_BLOCKED, 100);
    CHECK_EQ(blocked, n);
    static struct procinfo all[MAXKIDS + 16];
    int listed = getprocs(all, MAXKIDS + 16);
    struct sysinfo si;
    CHECK(sysinfo(&si) == 0);
    CHECK_EQ(si.nproc, start + (unsigned int)n);
    CHECK_EQ(listed, (int)si.nproc);
    /* The table filled, not memory: at least 64 slots and memory left. */
    CHECK(si.nproc >= 64);
    CHECK(si.freemem >= 1024 * 1024);
    /* A failed fork changes nothing, however often it is tried. */
    for (int i = 0; i < 20; i++)
        CHECK_EQ(fork(), -1);
    struct sysinfo si2;
    sysinfo(&si2);
    /* (printf only now: its buffer is a copy-on-write page, shared.) */
    printf("  %d children fit; nproc %u (start %u), free memory %u KiB\n",
           n, si.nproc, start, si.freemem / 1024);
    CHECK_EQ(si2.nproc, si.nproc);
    CHECK_EQ(si2.freemem, si.freemem);

    close(go[1]);                       /* every child reads EOF and exits */
    close(go[0]);
    int reaped = 0, bad_status = 0, stranger = 0;
    for (int i = 0; i < n; i++) {
        int status = -5;
        int pid = wait(&status);
        int known = 0;
        for (int k = 0; k < n; k++)
            known |= pids[k] == pid;
        stranger += !known;
        bad_status += status != 0;
        reaped += pid > 0;
    }
    CHECK_EQ(reaped, n);
    CHECK_EQ(stranger, 0);
    CHECK_EQ(bad_status, 0);
    CHECK_EQ(wait(0), -1);
    CHECK_EQ(nproc_now(), start);
    /* The system recovered: fork works again. */
    int pid = fork();
    if (pid == 0)
        exit(5);
    CHECK(pid > 0);
    int status = 0;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 5);
    CHECK_EQ(nproc_now(), start);
    return n;
}

int main(void)
{
    unsigned int start = nproc_now();
    int n1 = fill_and_reap(start);
    unsigned int free1 = free_memory();
    int n2 = fill_and_reap(start);
    unsigned int free2 = free_memory();
    CHECK_EQ(n2, n1);
    printf("  free memory after round 1: %u, after round 2: %u\n", free1, free2);
    CHECK_EQ(free2, free1);
    DONE();
}
