/* stress [-n OPS]: a concurrency stress test for several CPUs (make stress;
 * docs/concurrency.md). Four kinds of workers run at once, about OPS
 * operations in all (default 100000): forkers (fork, a COW write and an
 * sbrk in the child, exit, wait), pipe pairs (a writer and a reader pinned
 * to different CPUs, every byte checked), stoppers (suspend, resume and
 * finally kill a spinner pinned to another CPU; after suspend returns it
 * must be stopped) and heap churners (sbrk up, touch, sbrk down). Then
 * free memory and the process count must be back at their baseline.
 * Prints "stress: ok" or what went wrong; exit status 0 or 1. */
#include "user.h"

#define KINDS 4
#define PAGE 4096

static unsigned int ncpu;
static int errors_fd;           /* write end: one byte per error seen */
static char heap_page[PAGE] __attribute__((aligned(PAGE)));

static void fail(const char *what)
{
    fprintf(2, "stress: pid %d: %s\n", getpid(), what);
    write(errors_fd, "e", 1);
}

static void pin(int cpu)
{
    if (setaffinity(0, 1u << (cpu % (int)ncpu)) < 0)
        fail("setaffinity");
}

/* fork; the child writes a COW page and grows its heap, exits with a
 * code the parent checks. Three operations per round. */
static int forker(int ops)
{
    int done = 0;
    for (int r = 0; done < ops; r++) {
        heap_page[r % PAGE] = (char)r;
        int pid = fork();
        if (pid < 0) {
            fail("fork");
            continue;
        }
        if (pid == 0) {
            heap_page[0] = 'c';                 /* COW: the parent must not see it */
            char *p = sbrk(PAGE);
            if (p == (char *)-1)
                exit(2);
            p[0] = 1;
            exit(r % 100);
        }
        int status = -5;
        if (wait(&status) != pid || status != r % 100)
            fail("wait status");
        if (heap_page[0] == 'c')
            fail("a child's COW write reached the parent");
        done += 3;
    }
    return done;
}

/* A writer on one CPU, a reader on the next: bytes arrive in order. */
static int pipe_pair(int ops, int cpu)
{
    int fds[2];
    if (pipe(fds) < 0) {
        fail("pipe");
        return 0;
    }
    int w = fork();
    if (w == 0) {
        pin(cpu);
        close(fds[0]);
        char buf[64];
        for (int i = 0; i < ops; i++) {
            for (int k = 0; k < 64; k++)
                buf[k] = (char)(i + k);
            if (write(fds[1], buf, 64) != 64)
                exit(1);
        }
        exit(0);
    }
    pin(cpu + 1);
    close(fds[1]);
    char buf[64];
    int got = 0, bad = 0;
    for (int i = 0; i < ops; i++) {
        int n = 0;
        while (n < 64) {
            int r = read(fds[0], buf + n, 64 - n);
            if (r <= 0)
                break;
            n += r;
        }
        if (n != 64)
            break;
        for (int k = 0; k < 64; k++)
            bad |= buf[k] != (char)(i + k);
        got++;
    }
    close(fds[0]);
    int status = -5;
    if (got != ops || bad || wait(&status) != w || status != 0)
        fail("pipe data");
    return got;
}

static int spin(void)
{
    for (;;)
        ;
    return 0;
}

/* Stops and starts a spinner on another CPU; each round two operations. */
static int stopper(int ops, int cpu)
{
    pin(cpu);
    int pid = fork();
    if (pid == 0) {
        pin(cpu + 1);
        spin();
    }
    int done = 0;
    struct procinfo pi[64];
    for (; done < ops; done += 2) {
        if (suspend(pid) < 0)
            fail("suspend");
        int n = getprocs(pi, 64);
        for (int i = 0; i < n; i++)
            if (pi[i].pid == pid && pi[i].state == PROC_RUNNING)
                fail("still running after suspend returned");
        if (resume(pid) < 0)
            fail("resume");
    }
    if (kill(pid, SIGKILL) < 0)
        fail("kill");
    int status = 0;
    if (wait(&status) != pid || status != -1)
        fail("killed spinner's status");
    return done + 1;
}

static int heap_churn(int ops)
{
    int done = 0;
    for (; done < ops; done += 2) {
        int pages = 1 + done % 8;
        char *p = sbrk(pages * PAGE);
        if (p == (char *)-1) {
            fail("sbrk up");
            break;
        }
        for (int i = 0; i < pages; i++)
            p[i * PAGE] = (char)i;
        if (sbrk(-pages * PAGE) == (char *)-1)
            fail("sbrk down");
    }
    return done;
}

/* One worker of each kind per CPU; each reports its count on `counts`. */
static int start_workers(int ops, int counts)
{
    int workers = 0, each = ops / (KINDS * (int)ncpu);
    for (unsigned int c = 0; c < ncpu; c++) {
        for (int k = 0; k < KINDS; k++) {
            int pid = fork();
            if (pid < 0) {
                fail("fork a worker");
                continue;
            }
            if (pid == 0) {
                int n = k == 0 ? forker(each) : k == 1 ? pipe_pair(each / 3, (int)c)
                      : k == 2 ? stopper(each / 4, (int)c) : heap_churn(each);
                n = k == 1 ? n * 3 : k == 2 ? n * 4 : n;    /* pipe and stop rounds weigh more */
                write(counts, &n, sizeof n);
                exit(0);
            }
            workers++;
        }
    }
    return workers;
}

/* Polls up to 200 ticks for the baseline process count and free memory. */
static int back_to_baseline(struct sysinfo *base, struct sysinfo *now)
{
    for (int t = 0; t < 200; t++) {
        sysinfo(now);
        if (now->nproc == base->nproc && now->freemem == base->freemem)
            return 1;
        sleep(1);
    }
    return 0;
}

/* Runs the workers and checks their results; in a child of main, so
 * that main's own memory (stack, pipes) is the same before and after. */
static int run(int ops)
{
    int errs[2], counts[2];
    if (pipe(errs) < 0 || pipe(counts) < 0) {
        fprintf(2, "stress: no pipes\n");
        return 1;
    }
    errors_fd = errs[1];
    int t0 = uptime();
    int workers = start_workers(ops, counts[1]);
    close(errs[1]);
    close(counts[1]);
    int total = 0, n;
    while (read(counts[0], &n, sizeof n) == (int)sizeof n)
        total += n;
    while (wait(0) >= 0)
        ;
    char c;
    int errors = 0;
    while (read(errs[0], &c, 1) == 1)
        errors++;
    printf("stress: %u CPUs, %d workers, %d operations in %d ticks, %d errors\n", ncpu,
           workers, total, uptime() - t0, errors);
    return errors || total < ops * 9 / 10;
}

int main(int argc, char **argv)
{
    int ops = 100000;
    if (argc == 3 && strcmp(argv[1], "-n") == 0)
        ops = atoi(argv[2]);
    if (ops <= 0) {
        fprintf(2, "usage: stress [-n OPS]\n");
        return 2;
    }
    struct sysinfo base, now;
    sysinfo(&base);
    ncpu = base.ncpu;           /* main writes no memory of its own after this */
    sysinfo(&base);
    int pid = fork();
    if (pid == 0)
        exit(run(ops));
    int status = -5;
    if (pid < 0 || wait(&status) != pid)
        status = -5;
    int same = back_to_baseline(&base, &now);
    printf("stress: baseline nproc %u, free %u KiB; after: nproc %u, free %u KiB\n",
           base.nproc, base.freemem / 1024, now.nproc, now.freemem / 1024);
    if (status != 0 || !same) {
        printf("stress: FAIL\n");
        return 1;
    }
    printf("stress: ok\n");
    return 0;
}
