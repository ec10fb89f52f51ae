/*
 * fuzz: a system-call fuzzer. A worker process makes N random system calls
 * with random arguments (bad pointers, bad descriptors, extreme lengths,
 * bad pids, unknown call numbers, as well as good ones) from a seeded
 * generator, while children it forks make random calls of their own (and
 * fork, and exec the fuzzer again) and then exit, kill themselves or fault
 * at random. At the half-way call (and at random, N >= 1000) a child takes
 * every free frame and goes on calling. The kernel must never panic, and
 * once the worker is done, free memory and the process count must be back
 * where they were before it started.
 *
 *   fuzz SEED N [-v]   the run; -v prints every call before making it
 *
 * It prints "fuzz: seed S, N calls" first; the same seed makes the same
 * choices (what the calls return may still depend on timing: which child
 * exits first, whether a kill finds its target alive). The last line is
 * "fuzz: ok ..." (exit status 0) or "fuzz: FAILED ..." (status 1).
 *
 * Internal modes, exec'd by the fuzzer itself:
 *   fuzz -c SEED N DEPTH   a child's run of N calls
 *   fuzz -h SEED           a memory hog: takes every frame, then 20-119 calls
 *
 * The file calls (open with every flag, lseek, fstat, stat, mkdir,
 * unlink, chdir, getcwd, dup2) take random paths from fuzz_path(): names
 * inside FUZZ_DIR (relative ones resolve there: the run starts in it, and
 * chdir goes only to directories inside it), names that must fail (too
 * long, missing components, a file used as a directory, "/", "..", "/bin"
 * which is never empty), and bad pointers. The fuzzer removes FUZZ_DIR
 * after the worker, before it checks free memory.
 *
 * The signal calls (setsignal, sigreturn, pause, alarm, waitpid, setpgid,
 * getpgid, and kill with any signal but a stop) take random signals,
 * handlers (bad addresses too, in children), options and pointers; the
 * worker ignores SIGPIPE and SIGALRM.
 *
 * What it never does, because it would stop the run rather than test the
 * kernel: exit from the worker (only children exit); exec of a real program
 * from the worker (its paths name nothing executable); kill of an ancestor
 * or of a process from outside the run; suspend of anything but its own
 * children (resumed before any wait); a read that could block (the
 * console; an empty pipe unless the buffer is bad, which fails first) or
 * a pipe write that could fill the pipe; sleeps longer than 2 ticks; and a
 * kernel write into its own state (the pointers given to calls that write
 * are bad ones, or point into a heap scratch area that holds nothing of
 * value); opening, writing, truncating or removing a file outside
 * FUZZ_DIR (other paths are opened read-only, and only fuzz_path()'s names
 * are created or removed).
 */
#include "user.h"

#define PAGE      4096u
#define USER_TOP  0xC0000000u
#define UNMAPPED  0x10000000u
#define SCRATCH   (16 * PAGE)
#define MAXFD     16
#define MAXPIPE   8
#define MAXCH     12
#define PIPE_CAP  1024                  /* kernel/fs/pipe.h PIPE_SIZE */
#define MAXDEPTH  3
#define INT_MAX_  0x7fffffff
#define INT_MIN_  (-INT_MAX_ - 1)
#define LAST_KNOWN SYS_setfg            /* numbers above: argument values that are never ours */
#define FUZZ_DIR  "/tmp/fuzz"

enum kind { K_NONE, K_CONSOLE, K_FILE, K_PIPE_R, K_PIPE_W, K_RESERVED };
enum role { WORKER, CHILD, HOG };

/* Every piece of mutable state is in here (or on the stack), so that it
 * can be pretouched: a copy-on-write copy needed while a hog holds every
 * frame would kill the worker. */
static struct state {
    uint32_t rng;
    int role, depth, verbose, out;      /* out: a descriptor for our own output */
    char kind[MAXFD];
    signed char pipe_of[MAXFD];
    int pending[MAXPIPE];               /* bytes in each pipe we created */
    int child[MAXCH];
    char suspended[MAXCH];
    int nch;
    char *scratch;
    int self;                           /* our pid */
    /* statistics */
    unsigned int calls, fails, forks, kills, hogs, waits, reaped;
    unsigned int count[32];
} S;

static const char ro_area[2 * 4096] = { 1 };    /* read-only data: writes to it fail */

/* ------------------------------------------------------------ random */

static uint32_t rnd(void)
{
    uint32_t x = S.rng;                 /* xorshift32 */
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return S.rng = x;
}

static void seed(uint32_t s)
{
    S.rng = s * 2654435761u + 0x9E3779B9u;
    if (!S.rng)
        S.rng = 1;
    for (int i = 0; i < 4; i++)
        rnd();
}

static uint32_t pick(uint32_t r, uint32_t n)
{
    return n ? r % n : 0;
}

/* Integers: small, boundary and arbitrary. */
static int rand_int(uint32_t r)
{
    static const int special[] = { 0, 1, -1, 2, 16, 4095, 4096, 4097, 65536, INT_MAX_, INT_MIN_,
                                   -4096, 0x40000000, (int)0xC0000000, (int)0x80000001 };
    switch (r & 3) {
    case 0: return (int)(r >> 2) % 64;
    case 1: return special[pick(r >> 2, sizeof special / sizeof special[0])];
    case 2: return -(int)((r >> 2) % 64);
    default: return (int)(r * 2654435761u);
    }
}

static int rand_len(uint32_t r)
{
    switch (r & 7) {
    case 0: return 0;
    case 1: case 2: return 1 + (int)((r >> 3) % 64);
    case 3: return 1 + (int)((r >> 3) % 9000);
    case 4: return (int)PAGE;
    default: return rand_int(r >> 3);
    }
}

/* Pointers that are never valid: NULL, page 0, unmapped, kernel, the very
 * top (no record fits), past the heap's end. */
static uint32_t bad_ptr(uint32_t r)
{
    switch (r % 8) {
    case 0: return 0;
    case 1: return 1 + (r >> 3) % PAGE;
    case 2: return UNMAPPED + ((r >> 3) & 0xFFFFF);
    case 3: return USER_TOP + (r >> 3) % 0x30000000;
    case 4: return 0xFFFFFFFFu - (r >> 3) % 64;
    case 5: return USER_TOP - 1 - (r >> 3) % 3;
    case 6: return (uint32_t)sbrk(0) + PAGE + ((r >> 3) & 0xFFFF);
    default: return (uint32_t)ro_area + (r >> 3) % sizeof ro_area;    /* read-only */
    }
}

/* Bad pointers of the kinds that fail whatever the length: no byte can
 * be read from the first; none written through the second. (Those at the
 * very top have a byte or three below USER_TOP.) */
static uint32_t unreadable_ptr(uint32_t r)
{
    static const int cases[] = { 0, 1, 2, 3, 4, 6 };
    return bad_ptr((r & ~7u) | (uint32_t)cases[pick(r >> 3, 6)]);
}

static uint32_t unwritable_ptr(uint32_t r)
{
    static const int cases[] = { 0, 1, 2, 3, 4, 6, 7 };
    return bad_ptr((r & ~7u) | (uint32_t)cases[pick(r >> 3, 7)]);
}

/* A pointer the kernel may write through: bad, or into the scratch area
 * (or the heap's last bytes, when those lie above the scratch area). */
static uint32_t wptr(uint32_t r)
{
    uint32_t brk = (uint32_t)sbrk(0), base = (uint32_t)S.scratch;
    switch (r % 4) {
    case 0: case 1: return base + (r >> 2) % SCRATCH;
    case 2: {
        uint32_t p = brk - (r >> 2) % 256;
        return p >= base ? p : base;
    }
    default: return bad_ptr(r >> 2);
    }
}

/* A pointer the kernel only reads through: anything, our own memory too. */
static uint32_t rptr(uint32_t r)
{
    static const char *const strs[] = { "/", "/bin", "/test/", "/bin/echo", "/nonexistent", "",
                                        "bin", "/bin/sh/x", "x" };
    switch (r % 5) {
    case 0: return (uint32_t)strs[pick(r >> 3, sizeof strs / sizeof strs[0])];
    case 1: return (uint32_t)&S + (r >> 3) % sizeof S;
    case 2: return (uint32_t)&r - (r >> 3) % 256;
    default: return wptr(r >> 3);
    }
}

/* ------------------------------------------------------ descriptors */

static void set_fd(int fd, int kind, int pipe)
{
    if (fd >= 0 && fd < MAXFD) {
        S.kind[fd] = (char)kind;
        S.pipe_of[fd] = (signed char)pipe;
    }
}

static int ends_open(int pipe, int kind)
{
    int n = 0;
    for (int fd = 0; fd < MAXFD; fd++)
        n += S.kind[fd] == kind && S.pipe_of[fd] == pipe;
    return n;
}

static int free_pipe_slot(void)
{
    for (int p = 0; p < MAXPIPE; p++)
        if (!ends_open(p, K_PIPE_R) && !ends_open(p, K_PIPE_W))
            return p;
    return -1;
}

static int rand_fd(uint32_t r)
{
    static const int bad[] = { -1, 16, 17, 100, INT_MAX_, INT_MIN_, -100 };
    if (r % 4 == 0)
        return bad[pick(r >> 2, sizeof bad / sizeof bad[0])];
    int fd = (int)((r >> 2) % MAXFD);
    return S.kind[fd] == K_RESERVED ? -1 : fd;
}

/* Forked children drop the pipes they inherit (the parent counts what is
 * in them) and the parent's children (not theirs). */
static void forget_inherited(void)
{
    for (int fd = 0; fd < MAXFD; fd++) {
        if (S.kind[fd] == K_PIPE_R || S.kind[fd] == K_PIPE_W) {
            close(fd);
            set_fd(fd, K_NONE, -1);
        }
    }
    for (int p = 0; p < MAXPIPE; p++)
        S.pending[p] = 0;
    S.nch = 0;
}

/* ------------------------------------------------------------ children */

static int child_index(int pid)
{
    for (int i = 0; i < S.nch; i++)
        if (S.child[i] == pid)
            return i;
    return -1;
}

static void forget_child(int pid)
{
    int i = child_index(pid);
    if (i >= 0) {
        S.child[i] = S.child[--S.nch];
        S.suspended[i] = S.suspended[S.nch];
    }
}

static void resume_all(void)
{
    for (int i = 0; i < S.nch; i++) {
        if (S.suspended[i]) {
            resume(S.child[i]);
            S.suspended[i] = 0;
        }
    }
}

/* Drops the children that are gone (or zombies: wait still finds those):
 * suspend works only on a live process. A child we did not suspend is
 * resumed at once. */
static void prune_children(void)
{
    for (int i = 0; i < S.nch;) {
        if (suspend(S.child[i]) < 0) {
            forget_child(S.child[i]);
            continue;
        }
        if (!S.suspended[i])
            resume(S.child[i]);
        i++;
    }
}

static int rand_pid(uint32_t r)
{
    static const int bad[] = { 0, -1, 1, INT_MAX_, INT_MIN_, -2, 0x40000000 };
    if (S.nch && r % 3 != 0)
        return S.child[pick(r >> 2, (uint32_t)S.nch)];
    if (r % 3 == 0 && S.role != WORKER)
        return S.self + 1 + (int)((r >> 2) % 8);    /* maybe a descendant; never an ancestor */
    return bad[pick(r >> 2, sizeof bad / sizeof bad[0])];
}

static void reap_all(void)
{
    resume_all();
    for (int i = 0; i < S.nch; i++)
        kill(S.child[i], SIGKILL);
    int st;
    while (wait(&st) >= 0)
        S.reaped++;
    S.nch = 0;
}

/* ------------------------------------------------------------- endings */

static volatile int never;

static int recurse(int n)
{
    volatile char buf[2000];
    buf[0] = (char)n;
    if (never)
        return 0;
    return recurse(n + 1) + buf[0];
}

static void exec_child(uint32_t r, int n)
{
    char s[12], c[12], d[12];
    snprintf(s, sizeof s, "%u", r);
    snprintf(c, sizeof c, "%d", n);
    snprintf(d, sizeof d, "%d", S.depth + 1);
    char *argv[] = { "fuzz", "-c", s, c, d, 0 };
    exec("/bin/fuzz", argv);
}

/* How a child ends: exit, return, or die of something. */
static void __attribute__((noreturn)) ending(uint32_t r)
{
    volatile uint32_t addr = 0;
    switch (r % 14) {
    case 0: exit(rand_int(r >> 4));
    case 1: exit(0);
    case 2: *(volatile int *)addr = 1; break;                      /* NULL write */
    case 3: addr = USER_TOP + (r >> 4) % 0x100000; (void)*(volatile char *)addr; break;
    case 4: *(volatile char *)(uintptr_t)ending = 0; break;        /* text */
    case 5: addr = USER_TOP + 0x100000; ((void (*)(void))addr)(); break;
    case 6: __asm__ volatile("inb $0x60, %%al" : : : "eax"); break;
    case 7: __asm__ volatile("outb %%al, $0xf4" : : "a"(0)); break;   /* QEMU's exit port */
    case 8: { volatile int z = 0; exit(10 / z); }
    case 9: recurse(0); break;
    case 10: kill(getpid(), SIGKILL); yield(); break;
    case 11: __asm__ volatile("cli"); break;
    case 12: {
        char *p = sbrk((int)PAGE);
        if (p != (char *)-1) {
            p[0] = 1;
            sbrk(-(int)PAGE);
            p[0] = 2;                   /* released */
        }
        break;
    }
    default:
        if (S.depth < MAXDEPTH)
            exec_child(r, 10 + (int)((r >> 4) % 60));
        break;
    }
    exit(3);                            /* survived: still an ending */
}

/* ---------------------------------------------------------- the calls */

static const char *const names[] = {
    "?", "fork", "exit", "wait", "kill", "getpid", "getppid", "sleep", "uptime", "exec", "sbrk",
    "yield", "suspend", "resume", "getprocs", "sysinfo", "read", "write", "open", "close", "dup",
    "pipe", "poweroff", "setfg", "setpriority", "getpriority", "settickets", "getpinfo",
    "schedtrace", "schedstat", "lseek", "fstat", "stat", "mkdir", "unlink", "chdir", "getcwd",
    "dup2", "?", "?", "setsignal", "sigreturn", "pause", "alarm", "waitpid", "setpgid", "getpgid",
};

static void fuzz_loop(int n);

static void note(int num, uint32_t a, uint32_t b, uint32_t c)
{
    if (S.verbose)
        fprintf(S.out, "fuzz[%d] #%u %s(%x, %x, %x)\n", S.self, S.calls,
                num >= 0 && num < (int)(sizeof names / sizeof names[0]) ? names[num] : "syscall",
                a, b, c);
}

static int raw(int num, uint32_t a, uint32_t b, uint32_t c, uint32_t d, uint32_t e)
{
    int r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(num), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                     : "memory");
    return r;
}

static void do_fork(uint32_t *r)
{
    if (S.nch >= MAXCH || S.depth >= MAXDEPTH || S.role == HOG)
        return;
    note(SYS_fork, 0, 0, 0);
    int pid = fork();
    if (pid < 0) {
        S.fails++;
        return;
    }
    S.forks++;
    if (pid == 0) {
        S.self = getpid();
        S.role = CHILD;
        S.depth++;
        forget_inherited();
        seed(r[1]);
        fuzz_loop((int)pick(r[2], 80));
        ending(rnd());
    }
    S.child[S.nch] = pid;
    S.suspended[S.nch++] = 0;
}

static void do_wait(uint32_t *r)
{
    if (S.nch == 0 && S.role == WORKER)
        return;                         /* children of ours only: never block on others */
    resume_all();
    uint32_t p = r[1] % 4 == 0 ? 0 : wptr(r[1]);
    note(SYS_wait, p, 0, 0);
    int pid = wait((int *)p);
    S.waits++;
    if (pid > 0) {
        forget_child(pid);
        S.reaped++;
    } else {
        S.fails++;
        if (p)
            prune_children();           /* whatever a failed wait did, stay in step */
    }
}

static void do_read(uint32_t *r)
{
    int fd = rand_fd(r[1]);
    int n = rand_len(r[2]);
    uint32_t p = wptr(r[3]);
    if (fd >= 0 && fd < MAXFD) {
        int k = S.kind[fd];
        if (k == K_CONSOLE || k == K_RESERVED)
            return;                     /* would block for input */
        /* An empty pipe: a bad buffer fails before the read could block
         * (a writer may still be open in a child, even if not here). */
        if (k == K_PIPE_R && S.pending[(int)S.pipe_of[fd]] == 0 && n > 0)
            p = unwritable_ptr(r[3]);
    }
    note(SYS_read, (uint32_t)fd, p, (uint32_t)n);
    int got = read(fd, (void *)p, n);
    if (got < 0)
        S.fails++;
    else if (fd >= 0 && fd < MAXFD && S.kind[fd] == K_PIPE_R)
        S.pending[(int)S.pipe_of[fd]] -= got;
}

static void do_write(uint32_t *r)
{
    int fd = rand_fd(r[1]);
    int n = rand_len(r[2]);
    uint32_t p = rptr(r[3]);
    if (fd >= 0 && fd < MAXFD) {
        int k = S.kind[fd];
        if (k == K_RESERVED)
            return;
        if (k == K_CONSOLE && n != 0)
            p = unreadable_ptr(r[3]);   /* nothing gets printed */
        if (k == K_PIPE_W) {            /* never more than fits: no blocking */
            int room = PIPE_CAP - S.pending[(int)S.pipe_of[fd]];
            if (n > room || n < 0)
                n = (int)pick(r[2] >> 8, (uint32_t)room + 1);
        }
    }
    note(SYS_write, (uint32_t)fd, p, (uint32_t)n);
    int put = write(fd, (void *)p, n);
    if (put < 0)
        S.fails++;
    else if (fd >= 0 && fd < MAXFD && S.kind[fd] == K_PIPE_W)
        S.pending[(int)S.pipe_of[fd]] += put;
}

/* Opens anything, read-only (bad flags too): files outside FUZZ_DIR are
 * never changed. */
static void do_open(uint32_t *r)
{
    uint32_t p = r[1] % 3 ? rptr(r[1] >> 2) : bad_ptr(r[1] >> 2);
    int flags = r[2] % 4 ? 0 : rand_int(r[2] >> 2) & ~(O_ACCMODE | O_TRUNC | O_CREAT);
    note(SYS_open, p, (uint32_t)flags, 0);
    int fd = open((const char *)p, flags);
    if (fd < 0)
        S.fails++;
    else if (fd < MAXFD)
        set_fd(fd, K_FILE, -1);         /* a file or a directory: never blocks */
}

static void do_close(uint32_t *r)
{
    int fd = rand_fd(r[1]);
    note(SYS_close, (uint32_t)fd, 0, 0);
    if (close(fd) < 0)
        S.fails++;
    else
        set_fd(fd, K_NONE, -1);
}

static void do_dup(uint32_t *r)
{
    int fd = rand_fd(r[1]);
    note(SYS_dup, (uint32_t)fd, 0, 0);
    int nfd = dup(fd);
    if (nfd < 0)
        S.fails++;
    else
        set_fd(nfd, S.kind[fd], S.pipe_of[fd]);
}

static void do_pipe(uint32_t *r)
{
    int slot = free_pipe_slot();
    uint32_t p = slot >= 0 ? wptr(r[1]) : bad_ptr(r[1]);
    note(SYS_pipe, p, 0, 0);
    if (pipe((int *)p) < 0) {
        S.fails++;
        return;
    }
    int *fds = (int *)p;                /* the call wrote them: mapped */
    set_fd(fds[0], K_PIPE_R, slot);
    set_fd(fds[1], K_PIPE_W, slot);
    S.pending[slot] = 0;
}

/* ------------------------------------------------------------- files */

#define LONG10 "abcdefghij"

/* A path for the file calls: see the comment at the top. */
static uint32_t fuzz_path(uint32_t r)
{
    static const char *const paths[] = {
        "a", "b", "d", "d/a", "d/e", "d/e/a", "./a", "d/../b", "d//e///a", "d/e/",
        FUZZ_DIR, FUZZ_DIR "/a", FUZZ_DIR "/d", FUZZ_DIR "/d/e/b", "", "/", ".", "..", "/bin",
        "/nonexistent/x", "a/x", "/bin/echo/x", LONG10 LONG10 "abcdefgh",     /* MAXNAME + 1 */
        LONG10 LONG10 "abcdefg",                                            /* MAXNAME */
        "/" LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10 LONG10
            LONG10,                                                         /* > MAXPATH */
    };
    if (r % 8 == 0)
        return bad_ptr(r >> 3);
    return (uint32_t)paths[pick(r >> 3, sizeof paths / sizeof paths[0])];
}

/* Where chdir may go: directories inside FUZZ_DIR, or nowhere. */
static uint32_t fuzz_dir(uint32_t r)
{
    static const char *const dirs[] = { FUZZ_DIR, FUZZ_DIR "/d", FUZZ_DIR "/d/e", "d", "d/e",
                                        ".", "/nonexistent", "a", "/bin/echo", "" };
    if (r % 8 == 0)
        return bad_ptr(r >> 3);
    return (uint32_t)dirs[pick(r >> 3, sizeof dirs / sizeof dirs[0])];
}

static int fuzz_flags(uint32_t r)
{
    static const int flags[] = { O_RDONLY, O_WRONLY | O_CREAT, O_RDWR | O_CREAT | O_TRUNC,
                                 O_WRONLY | O_APPEND | O_CREAT, O_RDWR | O_CREAT | O_EXCL,
                                 O_RDWR, O_WRONLY | O_TRUNC, O_CREAT | O_EXCL };
    if (r % 6 == 0)
        return rand_int(r >> 3);
    return flags[pick(r >> 3, sizeof flags / sizeof flags[0])];
}

static void do_file_call(int num, uint32_t *r)
{
    int ret = -1;
    uint32_t a = 0, b = 0, c = 0;
    switch (num) {
    case SYS_open:
        a = fuzz_path(r[1]), b = (uint32_t)fuzz_flags(r[2]);
        note(num, a, b, 0);
        ret = open((const char *)a, (int)b);
        if (ret >= 0 && ret < MAXFD)
            set_fd(ret, K_FILE, -1);
        break;
    case SYS_lseek:
        a = (uint32_t)rand_fd(r[1]), b = (uint32_t)rand_int(r[2]), c = (uint32_t)rand_int(r[3]);
        if (r[3] % 2)
            c %= 3;                     /* mostly a real whence */
        if ((int)a >= 0 && (int)a < MAXFD && S.kind[a] == K_CONSOLE)
            a = (uint32_t)-1;           /* our output may be a file shared with the parent */
        note(num, a, b, c);
        ret = lseek((int)a, (int)b, (int)c);
        break;
    case SYS_fstat:
        a = (uint32_t)rand_fd(r[1]), b = r[2] % 3 ? wptr(r[2] >> 2) : bad_ptr(r[2] >> 2);
        note(num, a, b, 0);
        ret = fstat((int)a, (struct stat *)b);
        break;
    case SYS_stat:
        a = fuzz_path(r[1]), b = r[2] % 3 ? wptr(r[2] >> 2) : bad_ptr(r[2] >> 2);
        note(num, a, b, 0);
        ret = stat((const char *)a, (struct stat *)b);
        break;
    case SYS_mkdir:
    case SYS_unlink:
        a = fuzz_path(r[1]);
        note(num, a, 0, 0);
        ret = num == SYS_mkdir ? mkdir((const char *)a) : unlink((const char *)a);
        break;
    case SYS_chdir:
        a = fuzz_dir(r[1]);
        note(num, a, 0, 0);
        ret = chdir((const char *)a);
        break;
    case SYS_getcwd:
        a = r[1] % 3 ? wptr(r[1] >> 2) : bad_ptr(r[1] >> 2), b = (uint32_t)rand_int(r[2]);
        note(num, a, b, 0);
        ret = getcwd((char *)a, (int)b);
        break;
    case SYS_dup2:
        a = (uint32_t)rand_fd(r[1]), b = (uint32_t)rand_fd(r[2]);
        note(num, a, b, 0);
        ret = dup2((int)a, (int)b);
        if (ret >= 0 && ret < MAXFD)
            set_fd(ret, S.kind[a], S.pipe_of[a]);
        break;
    }
    if (ret < 0)
        S.fails++;
}

/* Removes FUZZ_DIR's tree (path is a directory): what the run made. */
static void remove_tree(const char *path)
{
    char names[2048], child[MAXPATH + MAXNAME + 2];
    int fd = open(path, O_RDONLY), len = 0, n;
    if (fd < 0)
        return;
    while (len < (int)sizeof names - 1 && (n = read(fd, names + len, sizeof names - 1 - len)) > 0)
        len += n;
    close(fd);
    names[len] = '\0';
    for (char *s = names, *e; (e = strchr(s, '\n')) != 0; s = e + 1) {
        *e = '\0';
        snprintf(child, sizeof child, "%s/%s", path, s);
        size_t k = strlen(child);
        if (k > 0 && child[k - 1] == '/') {
            child[k - 1] = '\0';
            remove_tree(child);
        }
        unlink(child);
    }
    unlink(path);
}

/* remove_tree in a child of its own, so that its stack pages are not
 * ours when free memory is compared. */
static void clean_fuzz_dir(void)
{
    int pid = fork();
    if (pid == 0) {
        remove_tree(FUZZ_DIR);
        exit(0);
    }
    while (pid > 0 && wait(0) != pid)
        ;
}

static void do_exec(uint32_t *r)
{
    /* Never a real program: these paths are all directories or nothing. */
    static const char *const paths[] = { "/nonexistent", "/bin", "/test", "/", "", "bin",
                                         "/bin/", "/test/nothing", "/bin/echo/x" };
    static char *argv_ok[] = { "x", "y", 0 };
    uint32_t path = r[1] % 4 ? (uint32_t)paths[pick(r[1] >> 2, sizeof paths / sizeof paths[0])]
                             : bad_ptr(r[1] >> 2);
    uint32_t argv = r[2] % 3 == 0 ? (uint32_t)argv_ok : r[2] % 3 == 1 ? rptr(r[2] >> 2)
                                                                       : bad_ptr(r[2] >> 2);
    if (S.role != WORKER && r[3] % 8 == 0 && S.depth < MAXDEPTH && S.role != HOG) {
        exec_child(r[4], 5 + (int)(r[4] % 50));    /* a real exec: this child goes on there */
        S.fails++;
        return;
    }
    note(SYS_exec, path, argv, 0);
    if (exec((const char *)path, (char **)argv) < 0)
        S.fails++;
}

/* kill: pid 0 and -PGID are process groups, which hold processes from
 * outside the run (the runner, the shell): a target that is not one of
 * ours becomes a group that cannot exist. Signals: ones that end a child
 * or that it may catch, and bad numbers; never a stop (a stopped child
 * would hold up the worker's waits). */
static void do_kill(uint32_t *r)
{
    static const int sigs[] = { SIGKILL, SIGTERM, SIGUSR1, SIGUSR2, SIGCONT, 0, NSIG, -1, 1000 };
    int pid = rand_pid(r[1]);
    if (pid == 0 || (pid < -1 && pid != INT_MIN_))
        pid = -0x40000000;
    int sig = sigs[pick(r[2], sizeof sigs / sizeof sigs[0])];
    note(SYS_kill, (uint32_t)pid, (uint32_t)sig, 0);
    int ret = kill(pid, sig);
    S.kills += ret == 0;
    S.fails += ret == -1;
}

static volatile unsigned int handled;  /* signals fuzz_handler took */

static void fuzz_handler(int sig)
{
    (void)sig;
    handled++;
}

/* setsignal: any signal number; a handler that is the default, ignore,
 * ours, or (a child's only) a bad address, with (a child's only) a bad
 * trampoline. The worker leaves SIGPIPE and SIGALRM ignored (main). */
static int fuzz_setsignal(uint32_t *r, int worker)
{
    static const int sigs[] = { SIGUSR1, SIGUSR2, SIGCHLD, SIGCONT, SIGTERM, SIGALRM, SIGPIPE,
                                SIGSEGV, SIGKILL, SIGSTOP, 0, NSIG, -1, INT_MIN_ };
    int sig = sigs[pick(r[1], sizeof sigs / sizeof sigs[0])];
    if (worker && (sig == SIGPIPE || sig == SIGALRM || sig == SIGSEGV))
        sig = SIGUSR2;
    uint32_t handlers[] = { (uint32_t)SIG_DFL, (uint32_t)SIG_IGN, (uint32_t)fuzz_handler,
                            bad_ptr(r[3]) };
    uint32_t h = handlers[pick(r[2], worker ? 3 : 4)];
    uint32_t tramp = worker || r[4] % 2 ? (uint32_t)signal_trampoline : bad_ptr(r[4] >> 1);
    note(SYS_setsignal, (uint32_t)sig, h, tramp);
    return setsignal(sig, (void *)h, (void *)tramp);
}

/* waitpid, never blocking (a stopped child would hold up the run):
 * children of ours, any, or bad pids; a status pointer that is null,
 * bad or good; options with bad bits. A reaped child is forgotten. */
static int fuzz_waitpid(uint32_t *r)
{
    int pid = r[1] % 2 ? -1 : rand_pid(r[1] >> 1);
    uint32_t p = r[2] % 4 == 0 ? 0 : wptr(r[2]);
    int opts = r[3] % 4 == 0 ? (int)(r[3] >> 2) : (int)(r[3] >> 2) & (WUNTRACED | WCONTINUED);
    note(SYS_waitpid, (uint32_t)pid, p, (uint32_t)(opts | WNOHANG));
    int ret = waitpid(pid, (int *)p, opts | WNOHANG);
    if (ret > 0) {
        S.waits++;
        prune_children();               /* reaped, or only stopped or continued */
    }
    return ret;
}

/* The signal calls. What the worker never does, because it must go on:
 * sigreturn (there is no frame), pause, blocking waitpid, handlers at bad
 * addresses. A child does it all, and often dies of it: that is the test. */
static void do_signal_call(int num, uint32_t *r)
{
    int worker = S.role != CHILD, ret;
    switch (num) {
    case SYS_setsignal: ret = fuzz_setsignal(r, worker); break;
    case SYS_sigreturn:
        if (worker)
            return;
        note(num, 0, 0, 0);
        ret = sigreturn();              /* no frame: garbage restored, or SIGSEGV */
        break;
    case SYS_pause:
        if (worker)
            return;
        signal(SIGALRM, fuzz_handler);
        alarm(1);
        note(num, 0, 0, 0);
        ret = pause();
        break;
    case SYS_alarm: {
        static const int t[] = { 0, 1, 2, 5, -1, INT_MIN_, INT_MAX_ };
        int ticks = t[pick(r[1], sizeof t / sizeof t[0])];
        note(num, (uint32_t)ticks, 0, 0);
        ret = alarm(ticks);
        break;
    }
    case SYS_waitpid: ret = fuzz_waitpid(r); break;
    case SYS_setpgid: {
        int pid = r[1] % 3 == 0 ? 0 : rand_pid(r[1] >> 2);
        int pgid = r[2] % 3 == 0 ? 0 : rand_pid(r[2] >> 2);
        note(num, (uint32_t)pid, (uint32_t)pgid, 0);
        ret = setpgid(pid, pgid);
        break;
    }
    default: {
        int pid = r[1] % 3 == 0 ? 0 : rand_pid(r[1] >> 2);
        note(num, (uint32_t)pid, 0, 0);
        ret = getpgid(pid);
        break;
    }
    }
    S.fails += ret == -1;
}

static void do_call(uint32_t *r)
{
    int num = (int)(r[0] % 47);
    int file_call = num >= SYS_lseek && num <= SYS_dup2;
    if (num > LAST_KNOWN && !file_call && r[0] % 7)
        num = 1 + (int)((r[0] >> 8) % LAST_KNOWN);  /* mostly known calls */
    if (num == SYS_open && r[0] % 2)
        file_call = 1;                              /* half of the opens name files of ours */
    S.calls++;
    if (num >= 0 && num < 32)
        S.count[num]++;
    int ret;
    if (file_call) {
        do_file_call(num, r);
        return;
    }
    if (num >= SYS_setsignal && num <= SYS_getpgid) {
        do_signal_call(num, r);
        return;
    }
    switch (num) {
    case SYS_fork: do_fork(r); return;
    case SYS_exit:
        if (S.role != CHILD)
            return;                     /* the worker must go on; a hog runs its course */
        ending(r[1] % 2 ? r[1] : 0);    /* a child: exit here */
    case SYS_wait: do_wait(r); return;
    case SYS_kill: do_kill(r); return;
    case SYS_sleep: {
        static const int t[] = { 0, 1, 2, -1, INT_MIN_, -5 };
        int ticks = t[pick(r[1], sizeof t / sizeof t[0])];
        note(SYS_sleep, (uint32_t)ticks, 0, 0);
        ret = sleep(ticks);
        break;
    }
    case SYS_exec: do_exec(r); return;
    case SYS_sbrk: {
        int n = r[1] % 3 ? (int)((r[1] >> 2) % (64 * PAGE)) - (int)(24 * PAGE) : rand_int(r[1] >> 2);
        note(SYS_sbrk, (uint32_t)n, 0, 0);
        ret = (int)sbrk(n);
        break;
    }
    case SYS_suspend: case SYS_resume: {
        int pid = rand_pid(r[1]);
        if (S.role != WORKER && child_index(pid) >= 0 && num == SYS_suspend)
            return;                     /* only the worker suspends (and resumes all) */
        if (child_index(pid) < 0 && pid > 1)
            pid = -pid;                 /* not ours: make it certainly bad */
        note(num, (uint32_t)pid, 0, 0);
        ret = num == SYS_suspend ? suspend(pid) : resume(pid);
        if (ret == 0 && child_index(pid) >= 0)
            S.suspended[child_index(pid)] = num == SYS_suspend;
        break;
    }
    case SYS_getprocs: {
        uint32_t p = wptr(r[1]);
        int max = r[2] % 2 ? (int)(r[2] >> 1) % 80 : rand_int(r[2] >> 1);
        note(num, p, (uint32_t)max, 0);
        ret = getprocs((struct procinfo *)p, max);
        break;
    }
    case SYS_sysinfo: {
        uint32_t p = wptr(r[1]);
        note(num, p, 0, 0);
        ret = sysinfo((struct sysinfo *)p);
        break;
    }
    case SYS_read: do_read(r); return;
    case SYS_write: do_write(r); return;
    case SYS_open: do_open(r); return;
    case SYS_close: do_close(r); return;
    case SYS_dup: do_dup(r); return;
    case SYS_pipe: do_pipe(r); return;
    case SYS_getpid: case SYS_getppid: case SYS_uptime: case SYS_yield: case SYS_poweroff:
    case SYS_setfg: {
        uint32_t a = (uint32_t)rand_int(r[1]);
        note(num, a, 0, 0);
        ret = raw(num, a, (uint32_t)rand_int(r[2]), 0, 0, 0);
        if (num == SYS_poweroff && ret != -1) {
            fprintf(S.out, "fuzz: poweroff returned %d\n", ret);
            S.fails += 1000000;
        }
        break;
    }
    default: {
        /* An unknown number (or one added after this was written): only
         * argument values that are never our memory. */
        uint32_t a[5];
        for (int i = 0; i < 5; i++)
            a[i] = (r[1 + i % 4] >> i) % 2 ? bad_ptr(r[1 + i % 4] >> 5)
                                            : (uint32_t)rand_int(r[1 + i % 4] >> 3) % PAGE;
        if (num > LAST_KNOWN && num < 40 && r[0] % 2)
            num = (int)(r[5] % 0x7fffffff) | 0x100;
        note(num, a[0], a[1], a[2]);
        ret = raw(num, a[0], a[1], a[2], a[3], a[4]);
        break;
    }
    }
    if (ret == -1)
        S.fails++;
}

static void fuzz_loop(int n)
{
    for (int i = 0; i < n; i++) {
        uint32_t r[6];
        for (int k = 0; k < 6; k++)
            r[k] = rnd();
        do_call(r);
    }
}

/* ------------------------------------------------------- memory safety */

static void __attribute__((noinline)) pretouch_stack(void)
{
    volatile char area[48 * 1024];
    for (unsigned int i = 0; i < sizeof area; i += 512)
        area[i] = 0;
}

/* Makes every page of S private and present (a copy now, while there is
 * memory), and loads every image page below it. */
static void pretouch_state(void)
{
    for (volatile char *p = (char *)0x00400000; p < (volatile char *)&S; p += PAGE)
        (void)*p;
    for (volatile char *p = (volatile char *)&S; p < (volatile char *)(&S + 1); p += 64)
        *p = *p;
    pretouch_stack();
}

static void setup_heap(void)
{
    char *b = sbrk(0);
    if ((uint32_t)b % PAGE)
        sbrk((int)(PAGE - (uint32_t)b % PAGE));
    S.scratch = sbrk((int)SCRATCH);
}

/* -h: take every frame, then make calls with none left. */
static int hog(uint32_t s)
{
    S.role = HOG;
    S.depth = MAXDEPTH;
    S.self = getpid();
    seed(s);
    setup_heap();
    pretouch_state();
    for (int fd = 3; fd < MAXFD; fd++)
        close(fd);
    struct sysinfo si;
    unsigned int fr;
    for (;;) {
        sysinfo(&si);
        if ((fr = si.freemem / PAGE) <= 64)
            break;
        unsigned int n = fr - fr / 512 - 8;     /* room for page tables */
        char *p = sbrk((int)(n * PAGE));
        if (p == (char *)-1)
            break;
        for (unsigned int i = 0; i < n; i++)
            p[i * PAGE] = 1;
    }
    /* The last frames: stack pages at the bottom of the stack's 1 MiB,
     * one frame each (its page table is there already). */
    for (uint32_t a = USER_TOP - 1024 * 1024; a < USER_TOP - 512 * 1024; a += PAGE) {
        sysinfo(&si);
        if (si.freemem == 0)
            break;
        *(volatile char *)a = 1;
    }
    fuzz_loop(20 + (int)(rnd() % 100));
    ending(rnd());
}

/* ---------------------------------------------------------------- main */

static int worker(uint32_t s, int n)
{
    S.role = WORKER;
    S.self = getpid();
    seed(s);
    setup_heap();
    pretouch_state();
    int hog_at = n >= 1000 ? n / 2 : -1;
    for (int i = 0; i < n; i++) {
        if (i == hog_at || (n >= 1000 && rnd() % 4000 == 0 && S.hogs < 3)) {
            /* A hog: nothing may share our pages or run beside it. */
            reap_all();
            S.hogs++;
            int pid = fork();
            if (pid == 0) {
                char arg[12];
                snprintf(arg, sizeof arg, "%u", rnd());
                char *argv[] = { "fuzz", "-h", arg, 0 };
                exec("/bin/fuzz", argv);
                exit(126);
            }
            int st;
            while (pid > 0 && wait(&st) >= 0)
                ;
            continue;
        }
        uint32_t r[6];
        for (int k = 0; k < 6; k++)
            r[k] = rnd();
        do_call(r);
    }
    reap_all();
    fprintf(S.out, "fuzz: the worker made %u calls (%u returned -1), forked %u children "
            "(their own calls not counted), reaped %u in %u waits, killed %u; %u memory hogs\n",
            S.calls, S.fails, S.forks, S.reaped, S.waits, S.kills, S.hogs);
    return S.fails >= 1000000;
}

static unsigned int nproc(void)
{
    struct sysinfo si;
    sysinfo(&si);
    return si.nproc;
}

static unsigned int freemem(void)
{
    struct sysinfo si;
    sysinfo(&si);
    return si.freemem;
}

int main(int argc, char **argv)
{
    for (int fd = 0; fd < MAXFD; fd++)
        S.kind[fd] = fd < 3 ? K_CONSOLE : K_NONE;
    S.out = 1;
    /* A write to a pipe whose reader is gone returns -1 here, which is
     * what the fuzzer calls it for; and an alarm() it makes must not end
     * it. Children inherit both, and may change them (do_signal_call). */
    signal(SIGPIPE, SIG_IGN);
    signal(SIGALRM, SIG_IGN);
    if (argc >= 5 && strcmp(argv[1], "-c") == 0) {
        /* An exec'd child: the descriptors beyond 2 are not ours to know. */
        for (int fd = 3; fd < MAXFD; fd++)
            close(fd);
        S.role = CHILD;
        S.self = getpid();
        S.depth = atoi(argv[4]);
        seed((uint32_t)atoi(argv[2]));
        setup_heap();
        fuzz_loop(atoi(argv[3]));
        ending(rnd());
    }
    if (argc >= 3 && strcmp(argv[1], "-h") == 0)
        return hog((uint32_t)atoi(argv[2]));
    if (argc < 3) {
        fprintf(2, "usage: fuzz SEED N [-v]\n");
        return 2;
    }
    uint32_t s = (uint32_t)atoi(argv[1]);
    int n = atoi(argv[2]);
    S.verbose = argc > 3 && strcmp(argv[3], "-v") == 0;
    printf("fuzz: seed %u, %d calls\n", s, n);
    /* Our own output survives the worker's random closes: fd 3, reserved. */
    S.out = dup(1);
    set_fd(S.out, K_RESERVED, -1);
    clean_fuzz_dir();                   /* a run stopped half-way left it */
    freemem();
    unsigned int f0 = freemem(), n0 = nproc();
    int start = uptime();
    int pid = fork();
    if (pid == 0) {
        mkdir(FUZZ_DIR);
        chdir(FUZZ_DIR);                /* relative paths land in it */
        exit(worker(s, n));
    }
    int st = -99, w;
    while ((w = wait(&st)) != pid && w >= 0)
        ;
    int ticks = uptime() - start;
    /* Orphans of killed children go to init, which reaps them soon. */
    unsigned int n1 = nproc(), f1;
    for (int i = 0; i < 500 && n1 != n0; i++) {
        sleep(1);
        n1 = nproc();
    }
    clean_fuzz_dir();
    f1 = freemem();
    int ok = st == 0 && n1 == n0 && f1 == f0;
    printf("fuzz: %s: seed %u, %d calls in %d ticks; worker status %d; freemem %u -> %u, "
           "nproc %u -> %u\n", ok ? "ok" : "FAILED", s, n, ticks, st, f0, f1, n0, n1);
    return ok ? 0 : 1;
}
