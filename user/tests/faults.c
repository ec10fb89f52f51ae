/* A user fault kills only the faulting process: for each way a program
 * can misbehave (NULL and kernel addresses, privileged instructions and
 * I/O ports, divide errors, invalid opcodes, writes to its own text or
 * read-only data, stack overflow, software interrupts other than 0x80,
 * kernel segments, a bad stack pointer, the trap flag, an unmasked x87
 * error, an iret into virtual-8086 mode), a child does it
 * and its parent sees status -1, while the parent, a bystander process
 * and the kernel carry on. Also: bad system call numbers return -1;
 * system calls work with a null %ds or a stack pointer that points
 * nowhere; nothing leaks (the whole list twice, same free memory after
 * each round).
 *
 * Not here because QEMU's TCG does not model them (they would test the
 * emulator): memory access through a null %ds (no segment checks) and
 * unmasked SSE exceptions (QEMU 7.2 sets the MXCSR flag but raises no
 * #XM). */
#include "utest.h"

int main(void);

struct fault {
    const char *name;
    void (*fn)(void);
};

/* Memory accesses in assembly, so the compiler cannot second-guess them. */
static void rd(unsigned int a) { __asm__ volatile("movl (%0), %%eax" : : "r"(a) : "eax", "memory"); }
static void wr(unsigned int a) { __asm__ volatile("movl $1, (%0)" : : "r"(a) : "memory"); }

static void null_read(void) { rd(0); }
static void null_write(void) { wr(0); }
static void low_write(void) { wr(4092); }
static void kernel_read(void) { rd(0xC0100000); }
static void kernel_write(void) { wr(0xC0100000); }
static void top_read(void) { rd(0xFFFFFFF0); }
static void unmapped_read(void) { rd(0x80000000); }
static void kernel_jump(void) { ((void (*)(void))0xC0100000)(); }
static void null_jump(void) { __asm__ volatile("call *%0" : : "r"(0)); }
static void do_cli(void) { __asm__ volatile("cli"); }
static void do_sti(void) { __asm__ volatile("sti"); }
static void do_hlt(void) { __asm__ volatile("hlt"); }
static void in_20(void) { __asm__ volatile("inb $0x20, %%al" : : : "eax"); }
static void out_20(void) { __asm__ volatile("outb %%al, $0x20" : : "a"(0x20)); }
static void in_40(void) { __asm__ volatile("inb $0x40, %%al" : : : "eax"); }
static void out_40(void) { __asm__ volatile("outb %%al, $0x40" : : "a"(0)); }
static void in_60(void) { __asm__ volatile("inb $0x60, %%al" : : : "eax"); }
static void out_60(void) { __asm__ volatile("outb %%al, $0x60" : : "a"(0xF4)); }
static void in_dx(void) { __asm__ volatile("inb %%dx, %%al" : : "d"(0x3F8) : "eax"); }
static void out_dx_word(void) { __asm__ volatile("outw %%ax, %%dx" : : "a"(0), "d"(0xF4)); }
/* popf cannot raise IOPL from ring 3: the port stays closed. */
static void iopl_in(void)
{
    __asm__ volatile("pushfl; orl $0x3000, (%%esp); popfl; inb $0x60, %%al" : : : "eax", "cc");
}
static void read_cr0(void) { __asm__ volatile("mov %%cr0, %%eax" : : : "eax"); }
static void write_cr3(void) { __asm__ volatile("mov %%eax, %%cr3" : : "a"(0)); }
static void do_lgdt(void)
{
    static char desc[8];
    __asm__ volatile("lgdt %0" : : "m"(desc));
}
static void do_lidt(void)
{
    static char desc[8];
    __asm__ volatile("lidt %0" : : "m"(desc));
}
static void do_wrmsr(void) { __asm__ volatile("wrmsr" : : "c"(0x10), "a"(0), "d"(0)); }
static void do_invlpg(void) { __asm__ volatile("invlpg (%0)" : : "r"(0x400000) : "memory"); }
static void do_clts(void) { __asm__ volatile("clts"); }
static void divide_zero(void)
{
    __asm__ volatile("xorl %%ecx, %%ecx; movl $1, %%eax; cltd; idivl %%ecx"
                     : : : "eax", "ecx", "edx", "cc");
}
static void divide_overflow(void)    /* INT_MIN / -1 */
{
    __asm__ volatile("movl $0x80000000, %%eax; cltd; movl $-1, %%ecx; idivl %%ecx"
                     : : : "eax", "ecx", "edx", "cc");
}
static void do_ud2(void) { __asm__ volatile("ud2"); }
static void write_text(void) { wr((unsigned int)main); }
static const char rodata[] = "read-only";
static void write_rodata(void) { wr((unsigned int)rodata); }
static volatile int depth_limit;        /* 0: none */
static int recurse(int n)
{
    volatile char frame[1024];
    frame[0] = (char)n;
    if (depth_limit && n >= depth_limit)
        return 0;
    return recurse(n + 1) + frame[0];
}
static void stack_overflow(void) { recurse(0); }
static void int_30(void) { __asm__ volatile("int $0x30"); }
static void int_3(void) { __asm__ volatile("int3"); }
static void int_0e(void) { __asm__ volatile("int $0x0e"); }    /* page fault's vector */
static void int_20(void) { __asm__ volatile("int $0x20"); }    /* the timer's */
static void int_81(void) { __asm__ volatile("int $0x81"); }
static void int_ff(void) { __asm__ volatile("int $0xff"); }
static void do_into(void)
{
    __asm__ volatile("movl $0x7fffffff, %%eax; addl $1, %%eax; into" : : : "eax", "cc");
}
static void do_icebp(void) { __asm__ volatile(".byte 0xf1"); }  /* int1 */
static void do_bound(void)
{
    static int range[2] = { 0, 10 };
    /* bound %eax, (%ecx), as bytes: clang's assembler has no `bound`. */
    __asm__ volatile(".byte 0x62, 0x01" : : "c"(range), "a"(100) : "memory");
}
static void ljmp_kernel(void) { __asm__ volatile("ljmp $0x08, $0"); }
static void kernel_ds(void) { __asm__ volatile("movw $0x10, %%ax; movw %%ax, %%ds" : : : "eax"); }
static void esp_null(void) { __asm__ volatile("movl $0, %esp; pushl $1"); }
static void esp_kernel(void) { __asm__ volatile("movl $0xC0100000, %esp; pushl $1"); }
static void trap_flag(void)
{
    __asm__ volatile("pushfl; orl $0x100, (%%esp); popfl; nop; nop" : : : "memory", "cc");
}

/* Unmasks the x87 divide-by-zero error, divides 1 by 0, then waits for
 * the FPU forever: the error must arrive as #MF and kill the program
 * (with CR0.NE clear it went out on the legacy FERR# line, and QEMU's TCG
 * aborted the whole machine). */
static void x87_divide_zero(void)
{
    static const unsigned short cw = 0x037B;    /* fninit's 0x037F without ZM */
    __asm__ volatile("fninit; fldcw %0; fld1; fldz; fdivrp; 1: fwait; jmp 1b" : : "m"(cw));
}
/* An iret to ring 3 with EFLAGS.VM set and %cs 0: a real CPU ignores VM at
 * CPL 3 (and the null %cs faults); QEMU's TCG enters virtual-8086 mode,
 * whose first fetch faults. Either way the program dies, not the kernel. */
static void iret_v86(void)
{
    __asm__ volatile("pushl $0; pushl $0; pushl $0; pushl $0;"     /* gs fs ds es */
                     "pushl $0; pushl $0x1000;"                     /* ss esp */
                     "pushl $0x20202;"                              /* eflags: VM IF */
                     "pushl $0; pushl $0;"                          /* cs eip */
                     "iret" : : : "memory");
}

static const struct fault faults[] = {
    { "read NULL", null_read },
    { "write NULL", null_write },
    { "write page 0", low_write },
    { "read kernel memory", kernel_read },
    { "write kernel memory", kernel_write },
    { "read 0xFFFFFFF0", top_read },
    { "read an unmapped address", unmapped_read },
    { "jump to a kernel address", kernel_jump },
    { "jump to NULL", null_jump },
    { "cli", do_cli },
    { "sti", do_sti },
    { "hlt", do_hlt },
    { "in port 0x20", in_20 },
    { "out port 0x20", out_20 },
    { "in port 0x40", in_40 },
    { "out port 0x40", out_40 },
    { "in port 0x60", in_60 },
    { "out port 0x60", out_60 },
    { "in port 0x3F8 (dx)", in_dx },
    { "outw port 0xF4 (dx)", out_dx_word },
    { "popf IOPL=3, then in", iopl_in },
    { "mov cr0", read_cr0 },
    { "mov to cr3", write_cr3 },
    { "lgdt", do_lgdt },
    { "lidt", do_lidt },
    { "wrmsr", do_wrmsr },
    { "invlpg", do_invlpg },
    { "clts", do_clts },
    { "divide by zero", divide_zero },
    { "divide overflow", divide_overflow },
    { "ud2", do_ud2 },
    { "write own text", write_text },
    { "write rodata", write_rodata },
    { "stack overflow", stack_overflow },
    { "int $0x30", int_30 },
    { "int3", int_3 },
    { "int $0x0e", int_0e },
    { "int $0x20", int_20 },
    { "int $0x81", int_81 },
    { "int $0xff", int_ff },
    { "into", do_into },
    { "int1 (icebp)", do_icebp },
    { "bound", do_bound },
    { "ljmp to kernel code", ljmp_kernel },
    { "load kernel data segment", kernel_ds },
    { "push with esp 0", esp_null },
    { "push with esp in the kernel", esp_kernel },
    { "trap flag", trap_flag },
    { "x87 divide by zero, unmasked", x87_divide_zero },
    { "iret into virtual-8086 mode", iret_v86 },
};
#define NFAULTS ((int)(sizeof faults / sizeof faults[0]))

static int raw_syscall(int num)
{
    int r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(num) : "memory");
    return r;
}

/* getpid with %ds and %es null; restores them after. */
static int getpid_null_ds(void)
{
    int r;
    __asm__ volatile("movw %%ds, %%cx; xorl %%edx, %%edx; movw %%dx, %%ds; movw %%dx, %%es;"
                     "int $0x80;"
                     "movw %%cx, %%ds; movw %%cx, %%es"
                     : "=a"(r) : "a"(SYS_getpid) : "ecx", "edx", "memory");
    return r;
}

/* With esp at `sp`, getpid then exit(7): the kernel never uses the user stack. */
static void syscalls_with_esp(unsigned int sp)
{
    __asm__ volatile("movl %0, %%esp; movl %1, %%eax; int $0x80;"
                     "movl $7, %%ebx; movl %2, %%eax; int $0x80"
                     : : "r"(sp), "i"(SYS_getpid), "i"(SYS_exit));
}

static int run_faults(int verbose)
{
    int bad = 0;
    for (int i = 0; i < NFAULTS; i++) {
        int pid = fork();
        if (pid == 0) {
            faults[i].fn();
            exit(100);                  /* survived the fault: wrong */
        }
        int status = 0;
        int w = wait(&status);
        if (w != pid || status != -1) {
            printf("  %s: wait %d (child %d), status %d, expected -1\n", faults[i].name, w,
                   pid, status);
            bad++;
        }
    }
    if (verbose)
        printf("  %d kinds of fault, %d not killed\n", NFAULTS, bad);
    return bad;
}

int main(void)
{
    int bystander = fork();
    if (bystander == 0) {
        sleep(100000);
        exit(0);
    }
    CHECK(await_state(bystander, PROC_BLOCKED, 20));
    volatile int canary = 0x5EED;

    int bad = run_faults(1);
    unsigned int free1 = free_memory();
    bad += run_faults(0);
    unsigned int free2 = free_memory();
    CHECK_EQ(bad, 0);
    CHECK_EQ(free2, free1);
    CHECK_EQ(canary, 0x5EED);
    CHECK_EQ(proc_state(bystander), PROC_BLOCKED);

    /* Bad system call numbers: -1, and the caller lives on. */
    int numbers[] = { 0, 24, 100, 255, 256, 1000, -1, (int)0x80000000 };
    for (int i = 0; i < 8; i++)
        CHECK_EQ(raw_syscall(numbers[i]), -1);
    CHECK_EQ(raw_syscall(SYS_getpid), getpid());

    /* System calls with a null %ds, or no usable stack. */
    int pid = fork();
    if (pid == 0)
        exit(getpid_null_ds() == getpid() ? 0 : 1);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
    unsigned int sps[] = { 0, 0xC0100000, 0x80000000 };
    for (int i = 0; i < 3; i++) {
        pid = fork();
        if (pid == 0)
            syscalls_with_esp(sps[i]);
        status = -5;
        CHECK_EQ(wait(&status), pid);
        CHECK_EQ(status, 7);
    }

    kill(bystander, SIGKILL);
    CHECK_EQ(wait(&status), bystander);
    CHECK_EQ(status, -1);
    DONE();
}
