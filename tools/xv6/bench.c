/*
 * bench for xv6-public: user/bench.c's benchmarks, written again against
 * xv6's system calls (wait() and exit() take no argument, printf takes a
 * file descriptor, no 64-bit division without libgcc), so that
 * tools/bench-xv6.sh can put xv6's figures beside Orchard's, measured the
 * same way: under QEMU -icount shift=0,sleep=off rdtsc counts guest
 * instructions. Each line is "bench: NAME INSTRUCTIONS_PER_OP", as
 * user/bench.c prints it. Not part of Orchard: bench-xv6.sh copies it
 * into a copy of an xv6-public checkout.
 *
 *   bench [NAME...]   run all benchmarks, or only those named
 */
#include "types.h"
#include "user.h"

typedef unsigned long long u64;

static u64 rdtsc(void)
{
    uint lo, hi;
    asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((u64)hi << 32) | lo;
}

/* n / d by shift and subtract: xv6's user programs have no libgcc. */
static uint div64(u64 n, uint d)
{
    u64 q = 0, r = 0;
    for (int i = 63; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1ULL << i;
        }
    }
    return (uint)q;
}

static int selected(int argc, char **argv, char *name)
{
    if (argc < 2)
        return 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

static void report(char *name, u64 total, uint ops)
{
    printf(1, "bench: %s %d\n", name, div64(total, ops));
}

/* As user/bench.c: 2,000,000 instructions must read 2,000,000 (+/- 1,000). */
static int calibrate(void)
{
    uint n = 1000000;
    u64 t0 = rdtsc();
    asm volatile("1: dec %0; jnz 1b" : "+r"(n));
    u64 dt = rdtsc() - t0;
    if (dt < 1999000 || dt > 2001000) {
        printf(1, "bench: calibration read %d for 2000000 instructions: "
                  "icount is not in effect; no figures\n", (uint)dt);
        return -1;
    }
    printf(1, "bench: calibrate %d\n", (uint)dt);
    return 0;
}

static void bench_getpid(void)
{
    enum { N = 10000 };
    u64 t0 = rdtsc();
    for (int i = 0; i < N; i++)
        getpid();
    report("getpid", rdtsc() - t0, N);
}

static void bench_fork_exit_wait(void)
{
    enum { N = 200 };
    u64 t0 = rdtsc();
    for (int i = 0; i < N; i++) {
        if (fork() == 0)
            exit();
        wait();
    }
    report("fork_exit_wait", rdtsc() - t0, N);
}

static void bench_fork_exec_exit_wait(void)
{
    enum { N = 100 };
    char *argv[] = { "true", 0 };
    u64 t0 = rdtsc();
    for (int i = 0; i < N; i++) {
        if (fork() == 0) {
            exec("true", argv);
            exit();
        }
        wait();
    }
    report("fork_exec_exit_wait", rdtsc() - t0, N);
}

static void pipe_rtt(char *name)
{
    enum { N = 2000 };
    int there[2], back[2];
    pipe(there);
    pipe(back);
    char c = 0;
    if (fork() == 0) {
        close(there[1]);
        close(back[0]);
        while (read(there[0], &c, 1) == 1)
            write(back[1], &c, 1);
        exit();
    }
    close(there[0]);
    close(back[1]);
    write(there[1], &c, 1);
    read(back[0], &c, 1);
    u64 t0 = rdtsc();
    for (int i = 0; i < N; i++) {
        write(there[1], &c, 1);
        read(back[0], &c, 1);
    }
    u64 dt = rdtsc() - t0;
    close(there[1]);
    wait();
    close(back[0]);
    report(name, dt, N);
}

static void bench_pipe_rtt_sleepers(void)
{
    enum { SLEEPERS = 56 };
    int pids[SLEEPERS];
    for (int i = 0; i < SLEEPERS; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            sleep(1000000);
            exit();
        }
    }
    pipe_rtt("pipe_rtt_56_sleepers");
    for (int i = 0; i < SLEEPERS; i++)
        kill(pids[i]);
    for (int i = 0; i < SLEEPERS; i++)
        wait();
}

static void bench_sbrk_touch(void)
{
    enum { N = 1000 };
    u64 t0 = rdtsc();
    for (int i = 0; i < N; i++) {
        char *p = sbrk(4096);
        p[0] = 1;
    }
    u64 dt = rdtsc() - t0;
    sbrk(-N * 4096);
    report("sbrk_touch", dt, N);
}

/* user/bench.c's preemption measure: two spinners note their gaps. */
#define GAPS 12
struct gap { u64 from, to; };

static void spin_and_record(int fd)
{
    struct gap g[GAPS];
    memset(g, 0, sizeof g);
    u64 prev = rdtsc(), last_gap = prev;
    for (int n = 0; n < GAPS && prev - last_gap < 500000000;) {
        u64 t = rdtsc();
        if (t - prev > 20000) {
            g[n].from = prev;
            g[n].to = t;
            n++;
            last_gap = t;
        }
        prev = t;
    }
    write(fd, g, sizeof g);
    exit();
}

static void bench_preempt(void)
{
    int fa[2], fb[2];
    pipe(fa);
    pipe(fb);
    if (fork() == 0)
        spin_and_record(fa[1]);
    if (fork() == 0)
        spin_and_record(fb[1]);
    struct gap a[GAPS], b[GAPS];
    read(fa[0], a, sizeof a);
    read(fb[0], b, sizeof b);
    wait();
    wait();
    u64 total = 0;
    uint count = 0;
    for (int i = 1; i + 1 < GAPS; i++) {
        for (int j = 0; j + 1 < GAPS; j++) {
            u64 run_start = b[j].to, run_end = b[j + 1].from;
            if (b[j + 1].to == 0)
                break;
            if (run_start > a[i].from && run_end < a[i].to) {
                total += (a[i].to - a[i].from) - (run_end - run_start);
                count += 2;
            }
        }
    }
    if (count)
        report("preempt", total, count);
    else
        printf(1, "bench: preempt could not match the spinners' gaps\n");
}

int main(int argc, char **argv)
{
    if (calibrate() < 0)
        exit();
    if (selected(argc, argv, "getpid"))
        bench_getpid();
    if (selected(argc, argv, "fork_exit_wait"))
        bench_fork_exit_wait();
    if (selected(argc, argv, "pipe_rtt"))
        pipe_rtt("pipe_rtt");
    if (selected(argc, argv, "pipe_rtt_56_sleepers"))
        bench_pipe_rtt_sleepers();
    if (selected(argc, argv, "fork_exec_exit_wait"))
        bench_fork_exec_exit_wait();
    if (selected(argc, argv, "sbrk_touch"))
        bench_sbrk_touch();
    if (selected(argc, argv, "preempt"))
        bench_preempt();
    printf(1, "bench: done\n");
    exit();
}
