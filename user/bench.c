/*
 * bench: the benchmark suite behind `make bench`. Under QEMU with
 * -icount shift=0,sleep=off, virtual time advances one nanosecond per
 * guest instruction, so rdtsc counts instructions retired: figures repeat
 * exactly from run to run. Each line is "bench: NAME INSTRUCTIONS_PER_OP".
 *
 * It first calibrates with a loop of known length and refuses to report
 * if the count is off (icount not in effect). Timed regions avoid idling:
 * a `hlt` lets virtual time jump ahead to the next interrupt.
 *
 *   bench [-f] [NAME...]   run all benchmarks, or only those named;
 *                          -f: run even without icount (for debugging:
 *                          the figures then mean nothing)
 */
#include "user.h"

static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static int selected(int argc, char **argv, const char *name)
{
    if (argc < 2)
        return 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

static void report(const char *name, uint64_t total, uint32_t ops)
{
    printf("bench: %s %u\n", name, (unsigned)(total / ops));
}

/* 1,000,000 iterations of a two-instruction loop: 2,000,000 instructions
 * plus a handful, if and only if rdtsc counts instructions. */
static int calibrate(void)
{
    uint32_t n = 1000000;
    uint64_t t0 = rdtsc();
    __asm__ volatile("1: dec %0; jnz 1b" : "+r"(n));
    uint64_t dt = rdtsc() - t0;
    if (dt < 1999000 || dt > 2001000) {
        printf("bench: calibration read %u for 2000000 instructions: "
               "icount is not in effect (QEMU needs -icount shift=0,sleep=off); no figures\n",
               (unsigned)dt);
        return -1;
    }
    printf("bench: calibrate %u\n", (unsigned)dt);
    return 0;
}

static void bench_getpid(void)
{
    enum { N = 10000 };
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++)
        getpid();
    report("getpid", rdtsc() - t0, N);
}

static void on_signal(int sig)
{
    (void)sig;
}

/* kill() to itself with a handler installed: the system call, the
 * handler's frame built on the stack, the handler, sigreturn, and back
 * after the kill() (docs/signals.md). */
static void bench_signal_roundtrip(void)
{
    enum { N = 2000 };
    signal(SIGUSR1, on_signal);
    int me = getpid();
    kill(me, SIGUSR1);                  /* warm up: the frame's stack pages */
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++)
        kill(me, SIGUSR1);
    report("signal_roundtrip", rdtsc() - t0, N);
    signal(SIGUSR1, SIG_DFL);
}

static void bench_fork_exit_wait(void)
{
    enum { N = 200 };
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++) {
        if (fork() == 0)
            exit(0);
        wait(0);
    }
    report("fork_exit_wait", rdtsc() - t0, N);
}

static void bench_fork_exec_exit_wait(void)
{
    enum { N = 100 };
    char *argv[] = { "true", 0 };
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++) {
        if (fork() == 0) {
            exec("/bin/true", argv);
            exit(1);
        }
        wait(0);
    }
    report("fork_exec_exit_wait", rdtsc() - t0, N);
}

/* One byte there and one back between two processes, N times. */
/* The round trip of one byte between this process and a child echoing
 * it back; with pin, this process runs on CPU 0 and the child on CPU 1. */
static int ncpus(void)
{
    struct sysinfo si;
    return sysinfo(&si) == 0 ? (int)si.ncpu : 1;
}

static void pipe_rtt_on(const char *name, int pin)
{
    enum { N = 2000 };
    int there[2], back[2];
    pipe(there);
    pipe(back);
    if (pin)
        setaffinity(0, 1u << 0);
    int pid = fork();
    char c = 0;
    if (pid == 0) {
        if (pin)
            setaffinity(0, 1u << 1);
        close(there[1]);            /* or the read below never sees EOF */
        close(back[0]);
        while (read(there[0], &c, 1) == 1)
            write(back[1], &c, 1);
        exit(0);
    }
    close(there[0]);
    close(back[1]);
    write(there[1], &c, 1);         /* warm up both sides */
    read(back[0], &c, 1);
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++) {
        write(there[1], &c, 1);
        read(back[0], &c, 1);
    }
    uint64_t dt = rdtsc() - t0;
    close(there[1]);
    wait(0);
    close(back[0]);
    if (pin)
        setaffinity(0, ~0u >> (32 - ncpus()));
    report(name, dt, N);
}

static void pipe_rtt(const char *name)
{
    pipe_rtt_on(name, 0);
}

static void bench_pipe_rtt_sleepers(void)
{
    enum { SLEEPERS = 56 };
    int pids[SLEEPERS];
    for (int i = 0; i < SLEEPERS; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            sleep(1000000);
            exit(0);
        }
    }
    pipe_rtt("pipe_rtt_56_sleepers");
    for (int i = 0; i < SLEEPERS; i++)
        kill(pids[i], SIGKILL);
    for (int i = 0; i < SLEEPERS; i++)
        wait(0);
}

static void bench_sbrk_touch(void)
{
    enum { N = 1000 };
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++) {
        char *p = sbrk(4096);
        p[0] = 1;
    }
    uint64_t dt = rdtsc() - t0;
    sbrk(-N * 4096);
    report("sbrk_touch", dt, N);
}

/*
 * One timer-driven preemption. Two spinners read rdtsc in a tight loop and
 * note every gap (a stretch of time they did not run). While A was off
 * the CPU, B ran from the end of one of its gaps to the start of its next;
 * what is left of A's gap is two preemptions (A to B, B to A). Both
 * spinners are pinned to the last CPU, so that they take turns there at
 * every CPU count: with one CPU that is CPU 0 and its PIT tick; with
 * several, an AP and its local APIC timer. (Under -icount with two CPUs,
 * QEMU 7.2's round-robin mode did not let the PIT interrupt a busy CPU 0:
 * the spinners never took turns there. docs/performance.md.)
 */
#define GAPS 12
struct gap { uint64_t from, to; };

/* Records GAPS gaps, or stops once it has run alone for a long while (the
 * other spinner finished first, so nobody preempts this one any more). */
static void spin_and_record(int fd)
{
    setaffinity(0, 1u << (ncpus() - 1));   /* both on one CPU: see bench_preempt */
    struct gap g[GAPS];
    memset(g, 0, sizeof g);
    uint64_t prev = rdtsc(), last_gap = prev;
    for (int n = 0; n < GAPS && prev - last_gap < 500000000;) {
        uint64_t t = rdtsc();
        if (t - prev > 20000) {
            g[n++] = (struct gap){ prev, t };
            last_gap = t;
        }
        prev = t;
    }
    write(fd, g, sizeof g);
    exit(0);
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
    wait(0);
    wait(0);
    uint64_t total = 0;
    uint32_t count = 0;
    /* For each of A's gaps, find B's run inside it: from the end of one of
     * B's gaps to the start of B's next. */
    for (int i = 1; i + 1 < GAPS; i++) {
        for (int j = 0; j + 1 < GAPS; j++) {
            uint64_t run_start = b[j].to, run_end = b[j + 1].from;
            if (b[j + 1].to == 0)
                break;                  /* B recorded no more gaps */
            if (run_start > a[i].from && run_end < a[i].to) {
                total += (a[i].to - a[i].from) - (run_end - run_start);
                count += 2;
            }
        }
    }
    if (count)
        report("preempt", total, count);
    else
        printf("bench: preempt could not match the spinners' gaps\n");

}

/*
 * Where the time goes: the same operations cut into phases with rdtsc at
 * the boundaries user space can see (lines "bench: OP.PHASE N"). A child
 * reports its own timestamps to the parent through a pipe, outside the
 * timed regions.
 */
static void phase(const char *op, const char *name, uint64_t n)
{
    printf("bench: %s.%s %u\n", op, name, (unsigned)n);
}

static void phases_syscall(void)
{
    enum { N = 10000 };
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++)
        __asm__ volatile("int $0x80" : : "a"(0) : "memory");   /* unknown: -1 at once */
    phase("getpid", "bare_trap_round_trip", (rdtsc() - t0) / N);
}

static void phases_fork(void)
{
    enum { N = 50 };
    uint64_t fork_call = 0, to_child = 0, child_to_parent = 0;
    int fds[2];
    pipe(fds);
    for (int i = 0; i < N; i++) {
        uint64_t t0 = rdtsc();
        int pid = fork();
        if (pid == 0) {
            uint64_t t = rdtsc();
            write(fds[1], &t, sizeof t);
            uint64_t t_exit = rdtsc();
            write(fds[1], &t_exit, sizeof t_exit);
            exit(0);
        }
        uint64_t t1 = rdtsc();
        wait(0);
        uint64_t t2 = rdtsc();
        uint64_t tc, te;
        read(fds[0], &tc, sizeof tc);
        read(fds[0], &te, sizeof te);
        fork_call += t1 - t0;           /* the parent's fork() */
        to_child += tc - t1;            /* wait blocks, switch, child returns from fork */
        child_to_parent += t2 - te;     /* child exit(), parent's wait() returns */
    }
    phase("fork_exit_wait", "fork_call", fork_call / N);
    phase("fork_exit_wait", "switch_to_child", to_child / N);
    phase("fork_exit_wait", "exit_and_wait", child_to_parent / N);
}

static void phases_exec(void)
{
    enum { N = 20 };
    uint64_t exec_to_main = 0;
    int fds[2];
    pipe(fds);
    for (int i = 0; i < N; i++) {
        if (fork() == 0) {
            close(1);
            dup(fds[1]);
            char stamp[24];
            snprintf(stamp, sizeof stamp, "%u", (unsigned)rdtsc());
            char *argv[] = { "bench", "--stamp", stamp, 0 };
            exec("/bin/bench", argv);
            exit(1);
        }
        wait(0);
        uint64_t d;
        read(fds[0], &d, sizeof d);
        exec_to_main += d;
    }
    phase("fork_exec_exit_wait", "exec_to_main", exec_to_main / N);
}

static void phases_sbrk(void)
{
    enum { N = 1000 };
    uint64_t in_sbrk = 0, in_touch = 0;
    for (int i = 0; i < N; i++) {
        uint64_t t0 = rdtsc();
        char *p = sbrk(4096);
        uint64_t t1 = rdtsc();
        p[0] = 1;                       /* the page fault: a zeroed frame */
        in_touch += rdtsc() - t1;
        in_sbrk += t1 - t0;
    }
    sbrk(-N * 4096);
    phase("sbrk_touch", "sbrk_call", in_sbrk / N);
    phase("sbrk_touch", "first_touch_fault", in_touch / N);
}

/* The stamp phases_exec printed with %u: up to 4294967295, more than atoi's
 * int holds, so it is read back as the unsigned number it is. */
static uint32_t parse_stamp(const char *s)
{
    uint32_t n = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        n = n * 10 + (uint32_t)(*s - '0');
    return n;
}

/*
 * Files, against the copy they cannot beat: memcpy_4k copies 4 KiB in user
 * memory (the same rep movsl the kernel's copyout uses); file_write_4k
 * appends 4 KiB to a tmpfs file (each write takes a new frame);
 * file_read_4k reads those pages back, 4 KiB a call (warm: the pages are
 * in memory, the buffer mapped); open_close opens and closes a file.
 */
static char file_buf[4096] __attribute__((aligned(4096)));
static char file_copy[4096] __attribute__((aligned(4096)));

static void bench_memcpy_4k(void)
{
    enum { N = 1000 };
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++) {
        memcpy(file_copy, file_buf, sizeof file_buf);
        __asm__ volatile("" : : "r"(file_copy) : "memory");
    }
    report("memcpy_4k", rdtsc() - t0, N);
}

static void bench_file_rw_4k(void)
{
    enum { N = 200 };
    memset(file_buf, 'f', sizeof file_buf);
    file_copy[0] = 0;                               /* both buffers mapped */
    int fd = open("/tmp/bench-file", O_RDWR | O_CREAT | O_TRUNC);
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++)
        write(fd, file_buf, sizeof file_buf);
    report("file_write_4k", rdtsc() - t0, N);
    lseek(fd, 0, SEEK_SET);
    t0 = rdtsc();
    for (int i = 0; i < N; i++)
        read(fd, file_copy, sizeof file_copy);
    report("file_read_4k", rdtsc() - t0, N);
    close(fd);
}

static void bench_open_close(void)
{
    enum { N = 1000 };
    uint64_t t0 = rdtsc();
    for (int i = 0; i < N; i++)
        close(open("/tmp/bench-file", O_RDONLY));
    report("open_close", rdtsc() - t0, N);
    unlink("/tmp/bench-file");
}

static void bench_files(int argc, char **argv)
{
    if (selected(argc, argv, "memcpy_4k"))
        bench_memcpy_4k();
    if (selected(argc, argv, "file_write_4k") || selected(argc, argv, "file_read_4k"))
        bench_file_rw_4k();
    if (selected(argc, argv, "open_close")) {
        if (!selected(argc, argv, "file_write_4k"))
            close(open("/tmp/bench-file", O_WRONLY | O_CREAT));
        bench_open_close();
    }
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--stamp") == 0) {
        /* exec'd by phases_exec: how long from exec() to here. */
        uint64_t d = (uint32_t)((uint32_t)rdtsc() - parse_stamp(argv[2]));
        write(1, &d, sizeof d);
        return 0;
    }
    int force = argc > 1 && strcmp(argv[1], "-f") == 0;
    if (force) {
        argv[1] = argv[0];
        argv++;
        argc--;
    }
    if (calibrate() < 0 && !force)
        return 1;
    if (selected(argc, argv, "getpid"))
        bench_getpid();
    if (selected(argc, argv, "fork_exit_wait"))
        bench_fork_exit_wait();
    if (selected(argc, argv, "pipe_rtt"))
        pipe_rtt("pipe_rtt");
    if (selected(argc, argv, "pipe_rtt_56_sleepers"))
        bench_pipe_rtt_sleepers();
    if (selected(argc, argv, "pipe_rtt_cross_cpu") && ncpus() > 1)
        pipe_rtt_on("pipe_rtt_cross_cpu", 1);   /* the two ends on CPUs 0 and 1 */
    if (selected(argc, argv, "fork_exec_exit_wait"))
        bench_fork_exec_exit_wait();
    if (selected(argc, argv, "sbrk_touch"))
        bench_sbrk_touch();
    if (selected(argc, argv, "preempt"))
        bench_preempt();
    if (selected(argc, argv, "signal_roundtrip"))
        bench_signal_roundtrip();
    bench_files(argc, argv);
    if (selected(argc, argv, "phases")) {
        phases_syscall();
        phases_fork();
        phases_exec();
        phases_sbrk();
    }
    return 0;
}
