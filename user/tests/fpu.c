/* FPU state belongs to each process. Two children run at once, each
 * preempted many times, and (1) hold their own values in all 8 x87
 * registers and xmm0-7, plus their own x87 control word and MXCSR, for 25
 * ticks inside one asm block, then find them intact; (2) compute double-
 * precision series (kept in x87 registers across preemption) again and
 * again and get bit-for-bit the parent's reference results. A forked
 * child inherits the parent's FPU registers, control word and MXCSR; exec
 * starts a program with a clean FPU (default control word and MXCSR,
 * empty x87 stack, zeroed xmm registers). */
#include "utest.h"

#define SELF "/test/fpu"
#define HOLD_TICKS 25
#define SERIES_TICKS 25

static int have_sse(void)
{
    unsigned int a = 1, b, c, d;
    __asm__ volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
    return (d >> 25) & 1;
}

/* Loads x87 st0-7 from in[], xmm0-7 from xin[] (if sse), cw and mxcsr;
 * spins on uptime() until tick `end`; stores everything back. */
static void hold(const double *in, double *out, const unsigned int *xin, unsigned int *xout,
                 unsigned short cw, unsigned short *cw_out, unsigned int mxcsr,
                 unsigned int *mxcsr_out, int end, int sse)
{
    if (sse)
        __asm__ volatile("ldmxcsr %0\n"
                         "movups 0(%1), %%xmm0\n movups 16(%1), %%xmm1\n"
                         "movups 32(%1), %%xmm2\n movups 48(%1), %%xmm3\n"
                         "movups 64(%1), %%xmm4\n movups 80(%1), %%xmm5\n"
                         "movups 96(%1), %%xmm6\n movups 112(%1), %%xmm7\n"
                         : : "m"(mxcsr), "r"(xin) : "memory");
    __asm__ volatile("fldcw %[cw]\n"
                     "fldl 0(%[in])\n fldl 8(%[in])\n fldl 16(%[in])\n fldl 24(%[in])\n"
                     "fldl 32(%[in])\n fldl 40(%[in])\n fldl 48(%[in])\n fldl 56(%[in])\n"
                     "1: movl %[up], %%eax\n int $0x80\n cmpl %[end], %%eax\n jl 1b\n"
                     "fnstcw %[cwo]\n"
                     "fstpl 0(%[out])\n fstpl 8(%[out])\n fstpl 16(%[out])\n fstpl 24(%[out])\n"
                     "fstpl 32(%[out])\n fstpl 40(%[out])\n fstpl 48(%[out])\n fstpl 56(%[out])\n"
                     : [cwo] "=m"(*cw_out)
                     : [cw] "m"(cw), [in] "r"(in), [out] "r"(out), [up] "i"(SYS_uptime),
                       [end] "r"(end)
                     : "eax", "memory", "st", "st(1)", "st(2)", "st(3)", "st(4)", "st(5)",
                       "st(6)", "st(7)");
    if (sse)
        __asm__ volatile("stmxcsr %0\n"
                         "movups %%xmm0, 0(%1)\n movups %%xmm1, 16(%1)\n"
                         "movups %%xmm2, 32(%1)\n movups %%xmm3, 48(%1)\n"
                         "movups %%xmm4, 64(%1)\n movups %%xmm5, 80(%1)\n"
                         "movups %%xmm6, 96(%1)\n movups %%xmm7, 112(%1)\n"
                         : "=m"(*mxcsr_out) : "r"(xout) : "memory");
    unsigned short dflt = 0x037F;
    __asm__ volatile("fldcw %0" : : "m"(dflt));
}

/* Kept in x87 registers by the compiler, across any preemption. */
static double series(int n)
{
    double s = 0, t = 1.0;
    for (int i = 0; i < n; i++) {
        s += t / (2 * i + 1);
        t = -t;
    }
    return 4 * s;
}

static double tenths(int n)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += 0.1;
    return s;
}

static double halves(int n)         /* exact: n(n+1)/4 */
{
    double s = 0;
    for (int i = 1; i <= n; i++)
        s += i * 0.5;
    return s;
}

static double ref_series[3], ref_tenths;   /* ref_series[id]: series(20000 + id) */

/* One child: returns a bit mask of what went wrong. */
static int child(int id, int sse)
{
    int bad = 0;
    struct procinfo before, after;
    setaffinity(0, 1);          /* both on CPU 0, so each preempts the other */
    proc_info(getpid(), &before);

    /* (1) registers held across preemption. */
    static double in[8], out[8];
    static unsigned int xin[32], xout[32];
    for (int i = 0; i < 8; i++)
        in[i] = id * 1000.0 + i * 1.25 + 0.0625;
    for (int i = 0; i < 32; i++)
        xin[i] = 0x01010101u * (unsigned int)(id * 32 + i) ^ 0xA5000000u;
    unsigned short cw = id == 1 ? 0x0C7F : 0x047F;     /* round to zero / down */
    unsigned int mxcsr = id == 1 ? 0x7F80 : 0x3F80;    /* the same, for SSE */
    unsigned short cw_out = 0;
    unsigned int mxcsr_out = 0;
    hold(in, out, xin, xout, cw, &cw_out, mxcsr, &mxcsr_out, uptime() + HOLD_TICKS, sse);
    for (int i = 0; i < 8; i++)
        if (memcmp(&out[i], &in[7 - i], sizeof(double)) != 0)
            bad |= 1;
    if (cw_out != cw)
        bad |= 2;
    if (sse && (memcmp(xin, xout, sizeof xin) != 0 || mxcsr_out != mxcsr))
        bad |= 4;
    proc_info(getpid(), &after);
    if (after.nscheduled < before.nscheduled + 2)
        bad |= 8;                       /* it was not even preempted */

    /* (2) computations, repeated while the other child does the same. */
    int end = uptime() + SERIES_TICKS, rounds = 0;
    while (uptime() < end) {
        double s = series(20000 + id), t = tenths(1000), h = halves(2000);
        if (memcmp(&s, &ref_series[id], sizeof s) != 0 ||
            memcmp(&t, &ref_tenths, sizeof t) != 0 || h != 1000500.0)
            bad |= 16;
        rounds++;
    }
    if (rounds < 5)
        bad |= 32;
    return bad;
}

/* The exec'd checker: a clean FPU. */
static int fresh(void)
{
    unsigned short cw = 0;
    unsigned int mxcsr = 0, env[7];
    static unsigned int x[8];
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    __asm__ volatile("fnstenv %0" : "=m"(env));
    int bad = (cw != 0x037F) | ((env[2] & 0xFFFF) != 0xFFFF) << 1;  /* tag word: all empty */
    if (have_sse()) {
        __asm__ volatile("stmxcsr %0" : "=m"(mxcsr));
        __asm__ volatile("movups %%xmm2, %0\n movups %%xmm7, 16+%0" : "=m"(x) : : "memory");
        for (int i = 0; i < 8; i++)
            bad |= (x[i] != 0) << 2;
        bad |= (mxcsr != 0x1F80) << 3;
    }
    return bad;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "fresh") == 0)
        return fresh();
    int sse = have_sse();

    /* References, computed while no other process uses the FPU. */
    ref_series[1] = series(20001);
    ref_series[2] = series(20002);
    ref_tenths = tenths(1000);
    CHECK_EQ(halves(2000), 1000500.0);

    /* Two children at once, each preempted by the other. */
    int kids[2];
    for (int id = 1; id <= 2; id++) {
        kids[id - 1] = fork();
        if (kids[id - 1] == 0)
            exit(child(id, sse));
    }
    for (int k = 0; k < 2; k++) {
        int status = -5;
        int pid = wait(&status);
        printf("  child %d: status %d (SSE %s)\n", pid == kids[0] ? 1 : 2, status,
               sse ? "checked" : "absent");
        CHECK(pid == kids[0] || pid == kids[1]);
        CHECK_EQ(status, 0);        /* bits: 1 x87 regs, 2 cw, 4 SSE, 8 not preempted,
                                       16 wrong results, 32 too slow */
    }

    /* fork: the child inherits st0, st1, the control word and MXCSR (and
     * xmm1), which the parent set just before the call. */
    static double v1 = 2.718281828459045, v2 = -1234.5678;
    static unsigned int xv[4] = { 0x11223344, 0x55667788, 0x99AABBCC, 0xDDEEFF00 };
    static unsigned int xo[4];
    static double o1, o2;
    static unsigned short cw = 0x0E7F, cwo;
    static unsigned int mx = 0x7F80, mxo;
    int pid;
    if (sse)
        __asm__ volatile("ldmxcsr %0; movups %1, %%xmm1" : : "m"(mx), "m"(xv) : "memory");
    __asm__ volatile("fldcw %[cw]; fldl %[v1]; fldl %[v2];"
                     "movl %[sys], %%eax; int $0x80; movl %%eax, %[pid];"
                     "fstpl %[o2]; fstpl %[o1]; fnstcw %[cwo]"
                     : [pid] "=m"(pid), [o1] "=m"(o1), [o2] "=m"(o2), [cwo] "=m"(cwo)
                     : [cw] "m"(cw), [v1] "m"(v1), [v2] "m"(v2), [sys] "i"(SYS_fork)
                     : "eax", "memory", "st", "st(1)");
    if (sse)
        __asm__ volatile("stmxcsr %0; movups %%xmm1, %1" : "=m"(mxo), "=m"(xo) : : "memory");
    int inherited = o1 == v1 && o2 == v2 && cwo == cw &&
                    (!sse || (mxo == mx && memcmp(xo, xv, sizeof xv) == 0));
    unsigned short dflt = 0x037F;
    unsigned int dflt_mx = 0x1F80;
    __asm__ volatile("fldcw %0" : : "m"(dflt));
    if (sse)
        __asm__ volatile("ldmxcsr %0" : : "m"(dflt_mx));
    if (pid == 0)
        exit(inherited ? 0 : 1);
    CHECK(pid > 0);
    CHECK(inherited);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);

    /* exec: a clean FPU, whatever the old program left in it. */
    pid = fork();
    if (pid == 0) {
        static double junk = 3.0;
        static unsigned int xjunk[4] = { 1, 2, 3, 4 };
        __asm__ volatile("fldcw %0; fldl %1; fldl %1" : : "m"(cw), "m"(junk) : "st", "st(1)");
        if (sse)
            __asm__ volatile("ldmxcsr %0; movups %1, %%xmm2; movups %1, %%xmm7"
                             : : "m"(mx), "m"(xjunk));
        char *args[] = { "fpu", "fresh", 0 };
        exec(SELF, args);
        exit(99);
    }
    status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);            /* bits: 1 cw, 2 x87 stack, 4 xmm, 8 MXCSR */
    DONE();
}
