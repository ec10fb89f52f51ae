/* getprocs and sysinfo. getprocs writes exactly n records of the ABI's
 * layout (nothing past them), at most max, one per live process (zombies
 * included) with sane fields: our own record, init's, a sleeping child's
 * (BLOCKED) and an exited one's (ZOMBIE, until reaped); max < 0 and bad
 * buffers give -1. sysinfo: memory sizes sane and page-granular, freemem
 * follows touched heap pages, nproc equals getprocs' count and counts
 * zombies, uptime agrees with uptime(); a bad pointer gives -1. */
#include "utest.h"
#include <stddef.h>

#define MAXP 1024
#define REC ((int)sizeof(struct procinfo))

static struct procinfo procs[MAXP + 1];

static struct procinfo *find(int n, int pid)
{
    for (int i = 0; i < n; i++)
        if (procs[i].pid == pid)
            return &procs[i];
    return 0;
}

static int strnlen16(const char *s)
{
    int n = 0;
    while (n < 16 && s[n])
        n++;
    return n;
}

static int untouched(const void *p, int bytes)
{
    const unsigned char *b = p;
    for (int i = 0; i < bytes; i++)
        if (b[i] != 0xAB)
            return 0;
    return 1;
}

int main(void)
{
    /* The ABI: 56-byte records, fields at fixed offsets; `cpu` (issue 11)
     * and `eff_prio` (priority donation) were added at the end, so the
     * older fields kept theirs. */
    CHECK_EQ(REC, 56);
    CHECK_EQ(offsetof(struct procinfo, state), 8);
    CHECK_EQ(offsetof(struct procinfo, start_tick), 28);
    CHECK_EQ(offsetof(struct procinfo, name), 32);
    CHECK_EQ(offsetof(struct procinfo, cpu), 48);
    CHECK_EQ(offsetof(struct procinfo, eff_prio), 52);

    int sleeper = fork();
    if (sleeper == 0) {
        sleep(1000);
        exit(0);
    }
    int zombie = fork();
    if (zombie == 0)
        exit(3);
    CHECK(await_state(zombie, PROC_ZOMBIE, 10));
    CHECK(await_state(sleeper, PROC_BLOCKED, 10));

    memset(procs, 0xAB, sizeof procs);
    int n = getprocs(procs, MAXP);
    struct sysinfo si;
    CHECK_EQ(sysinfo(&si), 0);
    printf("  getprocs: %d records, sysinfo: nproc %u, freemem %u KiB of %u KiB, uptime %u, "
           "ncpu %u\n", n, si.nproc, si.freemem / 1024, si.totalmem / 1024, si.uptime, si.ncpu);
    CHECK(n >= 4);
    CHECK_EQ(n, (int)si.nproc);
    CHECK(untouched(&procs[n], REC));       /* nothing past the n records */

    int now = uptime(), me = getpid(), dup_pids = 0, bad_fields = 0;
    for (int i = 0; i < n; i++) {
        struct procinfo *p = &procs[i];
        bad_fields += p->pid <= 0 || p->ppid < 0 || p->state < PROC_EMBRYO ||
                      p->state > PROC_ZOMBIE || (int)p->start_tick > now ||
                      strnlen16(p->name) == 16;
        for (int k = 0; k < i; k++)
            dup_pids += procs[k].pid == p->pid;
    }
    CHECK_EQ(bad_fields, 0);
    CHECK_EQ(dup_pids, 0);

    struct procinfo *self = find(n, me);
    CHECK(self != 0);
    if (self) {
        CHECK_EQ(self->ppid, getppid());
        CHECK_EQ(self->state, PROC_RUNNING);
        CHECK(strcmp(self->name, "procinfo") == 0);
        CHECK(self->nscheduled >= 1);
    }
    struct procinfo *init = find(n, 1);
    CHECK(init != 0);
    if (init) {
        CHECK_EQ(init->ppid, 0);
        CHECK(strcmp(init->name, "init") == 0);
        CHECK_EQ(init->state, PROC_BLOCKED);
    }
    struct procinfo *s = find(n, sleeper), *z = find(n, zombie);
    CHECK(s && z);
    if (s && z) {
        CHECK_EQ(s->ppid, me);
        CHECK_EQ(s->state, PROC_BLOCKED);
        CHECK(strcmp(s->name, "procinfo") == 0);    /* fork keeps the name */
        CHECK(self == 0 || s->start_tick >= self->start_tick);
        CHECK_EQ(z->ppid, me);
        CHECK_EQ(z->state, PROC_ZOMBIE);
    }

    /* max limits the count and what is written. */
    memset(procs, 0xAB, sizeof procs);
    CHECK_EQ(getprocs(procs, 1), 1);
    CHECK(procs[0].pid > 0);
    CHECK(untouched(&procs[1], REC));
    memset(procs, 0xAB, sizeof procs);
    CHECK_EQ(getprocs(procs, 3), 3);
    CHECK(untouched(&procs[3], REC));
    CHECK_EQ(getprocs(procs, 0), 0);
    CHECK_EQ(getprocs(0, 0), 0);
    CHECK_EQ(getprocs(procs, -1), -1);
    CHECK_EQ(getprocs(0, 5), -1);
    CHECK_EQ(getprocs((struct procinfo *)0xC0100000, 5), -1);
    CHECK_EQ(getprocs((struct procinfo *)main, 5), -1);    /* read-only */

    /* nproc counts the zombie until it is reaped. */
    unsigned int with_zombie = nproc_now();
    int status = -5;
    CHECK_EQ(wait(&status), zombie);
    CHECK_EQ(status, 3);
    CHECK_EQ(nproc_now(), with_zombie - 1);
    n = getprocs(procs, MAXP);
    CHECK(find(n, zombie) == 0);
    CHECK_EQ(n, (int)with_zombie - 1);
    kill(sleeper, SIGKILL);
    CHECK_EQ(wait(&status), sleeper);
    CHECK_EQ(nproc_now(), with_zombie - 2);

    /* Our own CPU ticks grow while we spin. */
    unsigned int t0 = proc_ticks(me);
    int until = uptime() + 5;
    while (uptime() < until)
        ;
    CHECK(proc_ticks(me) >= t0 + 3);

    /* The CPUs up: at least this one, at most NCPU (8); the host tests
     * check the exact count against QEMU's -smp. */
    CHECK(si.ncpu >= 1 && si.ncpu <= 8);
    /* sysinfo's memory figures. */
    CHECK(si.totalmem >= 4 * 1024 * 1024);
    CHECK(si.totalmem <= 768u * 1024 * 1024);
    CHECK(si.freemem > 0 && si.freemem < si.totalmem);
    CHECK_EQ(si.totalmem % 4096, 0);
    CHECK_EQ(si.freemem % 4096, 0);
    /* Heap pages cost memory when touched and come back when released. */
    unsigned int f0 = free_memory();
    char *heap = sbrk(64 * 4096);
    CHECK(heap != (char *)-1);
    CHECK_EQ(free_memory(), f0);            /* not touched yet */
    memset(heap, 1, 64 * 4096);
    unsigned int f1 = free_memory();
    CHECK(f1 <= f0 - 64 * 4096);
    CHECK(f1 >= f0 - 66 * 4096);            /* the pages, maybe a page table */
    sbrk(-64 * 4096);
    unsigned int f2 = free_memory();
    CHECK(f2 >= f1 + 64 * 4096);
    printf("  freemem: %u, +64 touched pages %u, released %u\n", f0, f1, f2);
    /* uptime agrees. */
    int before = uptime();
    CHECK_EQ(sysinfo(&si), 0);
    CHECK((int)si.uptime >= before && (int)si.uptime <= uptime());
    /* Bad pointers. */
    CHECK_EQ(sysinfo(0), -1);
    CHECK_EQ(sysinfo((struct sysinfo *)0xC0100000), -1);
    CHECK_EQ(sysinfo((struct sysinfo *)main), -1);
    DONE();
}
