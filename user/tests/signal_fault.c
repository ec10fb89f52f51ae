/* Faults as signals, and hostile handlers and frames. A fault with a
 * handler runs it (exit from the handler; or fix the cause and return,
 * and the instruction runs again); an uncaught fault, or a fault inside
 * its own handler, kills with WTERMSIG the fault's signal. Hostile: a
 * handler in kernel space or unmapped, a signal arriving with a garbage
 * or kernel stack pointer, a stack with no room left, sigreturn with no
 * frame, a frame forged to ask for IOPL 3, VM, NT, TF, a kernel %eip or
 * reserved MXCSR bits: each kills only that process or is made harmless,
 * and none gives it a privilege. An interrupted computation cannot tell
 * that handlers ran: registers and the FPU come back exactly. */
#include "utest.h"

/* Runs fn in a child; returns the waitpid status. */
static int outcome(int (*fn)(void))
{
    int st = -1;
    int pid = spawn(fn);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    return st;
}

static void exit_42(int sig) { exit(sig == SIGSEGV ? 42 : 1); }
static void exit_sig(int sig) { exit(sig); }

static int null_write(void)
{
    signal(SIGSEGV, exit_42);
    *(volatile int *)0 = 1;
    return 0;
}

static volatile int zero;
static int divide(void)
{
    signal(SIGFPE, exit_sig);
    return 100 / zero;
}

static int illegal(void)
{
    signal(SIGILL, exit_sig);
    __asm__ volatile("ud2");
    return 0;
}

static int uncaught(void)
{
    *(volatile int *)0 = 1;
    return 0;
}

static int *volatile low_address = (int *)4;
static void fault_again(int sig)
{
    (void)sig;
    *low_address = 1;                   /* SIGSEGV is blocked in here: fatal */
}

static int fault_in_handler(void)
{
    signal(SIGSEGV, fault_again);
    *(volatile int *)0 = 1;
    return 0;
}

/* The handler makes the faulting address valid and returns: the store
 * runs again and succeeds. */
static volatile int fixes;
static char *volatile target;
static void grow_heap(int sig)
{
    (void)sig;
    fixes++;
    sbrk(8192);
}

static int fix_and_return(void)
{
    signal(SIGSEGV, grow_heap);
    char *brk = sbrk(0);
    target = (char *)(((uint32_t)brk + 4095) & ~4095u) + 100;   /* above the break */
    /* Volatile, so the compiler keeps the store before the load of
     * fixes: it cannot know that the store traps into a handler that
     * changes fixes (gcc 14 hoists the load above a plain store). */
    *(volatile char *)target = 'x';
    return fixes == 1 && *(volatile char *)target == 'x' ? 7 : 1;
}

static void fault_cases(void)
{
    int st = outcome(null_write);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42);
    st = outcome(divide);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == SIGFPE);
    st = outcome(illegal);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == SIGILL);
    st = outcome(uncaught);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    st = outcome(fault_in_handler);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    st = outcome(fix_and_return);
    printf("  fix-and-return: status %d\n", WEXITSTATUS(st));
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7);
}

/* ---------------------------------------------------------- hostile */

static int kernel_handler(void)
{
    signal(SIGUSR1, (sighandler_t)0xC0001000);
    kill(getpid(), SIGUSR1);
    return 0;
}

static int unmapped_handler(void)
{
    signal(SIGUSR1, (sighandler_t)0x10000000);
    kill(getpid(), SIGUSR1);
    return 0;
}

static void nothing(int sig) { (void)sig; }

/* A signal arrives while %esp is `esp`: its frame cannot be built. */
static int signal_with_esp(uint32_t esp)
{
    signal(SIGUSR1, nothing);
    signal(SIGSEGV, nothing);
    __asm__ volatile("movl %0, %%esp\n"
                     "movl $4, %%eax\n"         /* kill(getpid(), SIGUSR1), made by hand */
                     "int $0x80\n"
                     "1: jmp 1b"
                     : : "r"(esp), "b"(getpid()), "c"(SIGUSR1) : "eax", "memory");
    return 0;
}
static int garbage_esp(void) { return signal_with_esp(0x10); }
static int kernel_esp(void) { return signal_with_esp(0xC0100000); }
static int unmapped_esp(void) { return signal_with_esp(0x10000100); }

/* Infinite recursion until the stack runs out; SIGSEGV's frame then has
 * no room either. */
static volatile int depth_limit = 0x7FFFFFFF;
static int deep(int n)
{
    volatile char pad[2048];
    pad[0] = (char)n;
    return n < depth_limit ? deep(n + 1) + pad[0] : 0;
}
static int stack_exhausted(void)
{
    signal(SIGSEGV, nothing);
    return deep(0);
}

static int sigreturn_without_frame(void)
{
    __asm__ volatile("movl $0x10000100, %%esp\n"
                     "movl $41, %%eax\n"
                     "int $0x80\n"
                     "1: jmp 1b" : : : "eax", "memory");
    return 0;
}

/* The frame, as a handler finds it: it starts at the handler's return
 * address, just above the saved %ebp (user programs keep frame pointers). */
struct frame_regs {
    uint32_t ret, sig, edi, esi, ebp, ebx, edx, ecx, eax, eip, eflags, esp, mask;
};
#define THIS_FRAME() ((struct frame_regs *)((char *)__builtin_frame_address(0) + 4))

static volatile int forged;

static void forge_eflags(int sig)
{
    (void)sig;
    struct frame_regs *volatile f = THIS_FRAME();
    f->eflags |= 0x3000 | 0x20000 | 0x4000 | 0x100 | 0x40000;  /* IOPL 3, VM, NT, TF, AC */
    /* MXCSR: every reserved bit set. */
    uint32_t *volatile mxcsr = (uint32_t *)((char *)f + 52 + 24);
    *mxcsr = 0xFFFFFFFF;
    forged = f->sig == (uint32_t)SIGUSR1 && f->ret == (uint32_t)signal_trampoline;
}

static int forged_flags(void)
{
    signal(SIGUSR1, forge_eflags);
    kill(getpid(), SIGUSR1);
    if (!forged)
        return 4;
    uint32_t fl, mx;
    __asm__ volatile("pushfl; popl %0" : "=r"(fl));
    __asm__ volatile("stmxcsr %0" : "=m"(mx));
    if (fl & (0x3000 | 0x20000 | 0x4000 | 0x100))
        return 1;
    if (mx & 0xFFFF0000u)
        return 2;
    /* IOPL stayed 0: an I/O instruction faults. */
    signal(SIGSEGV, exit_42);
    __asm__ volatile("inb $0x60, %%al" : : : "eax");
    return 3;
}

static void forge_eip(int sig)
{
    struct frame_regs *volatile f = THIS_FRAME();
    if (f->sig == (uint32_t)sig)        /* the layout docs/signals.md draws */
        f->eip = 0xC0100000;
}

static int forged_eip(void)
{
    signal(SIGUSR1, forge_eip);
    kill(getpid(), SIGUSR1);
    return 0;
}

static void hostile_cases(void)
{
    struct { int (*fn)(void); const char *what; } deadly[] = {
        { kernel_handler, "handler in kernel space" },
        { unmapped_handler, "unmapped handler" },
        { garbage_esp, "garbage %esp" },
        { kernel_esp, "kernel %esp" },
        { unmapped_esp, "unmapped %esp" },
        { stack_exhausted, "no room on the stack" },
        { sigreturn_without_frame, "sigreturn without a frame" },
        { forged_eip, "frame with a kernel %eip" },
    };
    for (unsigned i = 0; i < sizeof deadly / sizeof deadly[0]; i++) {
        int st = outcome(deadly[i].fn);
        printf("  %s: %s %d\n", deadly[i].what, WIFSIGNALED(st) ? "killed by" : "exit",
               WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
        CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV);
    }
    int st = outcome(forged_flags);
    printf("  forged IOPL/VM/NT/TF/MXCSR: exit %d (42: flags clean, I/O faulted)\n",
           WEXITSTATUS(st));
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42);
}

/* ---------------------------------------------------------- exactness */

static volatile int ticks_seen;

/* Trashes what it can: the FPU, SSE and the callee-saved registers are
 * the compiler's to restore, so trash the x87 stack and MXCSR here. */
static void trash(int sig)
{
    (void)sig;
    ticks_seen++;
    volatile double d = 3.0;
    for (int i = 0; i < 10; i++)
        d = d * 1.5 + 0.25;
    uint32_t mx = 0x7F80;               /* round toward zero, all masked */
    __asm__ volatile("ldmxcsr %0; fldpi; fldpi; fldpi" : : "m"(mx));
    alarm(1);
}

/* A loop whose every intermediate lives in registers and the FPU
 * (noinline, and n read from a volatile: each call really computes). */
static volatile int rounds_n = 100000;
static __attribute__((noinline)) double compute(int n)
{
    double x = 1.0;
    uint32_t a = 1, b = 2, c = 3;
    for (int i = 0; i < n; i++) {
        x = x * 1.0000001 + 0.5;
        a = a * 1103515245u + 12345u;
        b ^= a >> 3;
        c += b;
    }
    return x + (double)(c & 0xFFFF);
}

static void exactness(void)
{
    /* Both stored as doubles: x87 registers hold more precision. */
    volatile double want = compute(rounds_n), got;
    signal(SIGALRM, trash);
    alarm(1);
    int t0 = uptime(), rounds = 0, wrong = 0;
    while (ticks_seen < 10 && uptime() - t0 < 1000) {
        got = compute(rounds_n);
        wrong += got != want;
        rounds++;
    }
    alarm(0);
    printf("  %d handlers ran during %d rounds of computing: %d results differ\n", ticks_seen,
           rounds, wrong);
    CHECK_EQ(wrong, 0);
    CHECK(ticks_seen >= 10);
}

int main(void)
{
    fault_cases();
    hostile_cases();
    exactness();
    DONE();
}
