/*
 * The faults a user program can cause that the kernel handles itself.
 *
 * Page faults: the address space gets a chance to resolve the fault
 * (copy-on-write, first touch of heap or stack); if it cannot, the process
 * gets SIGSEGV: killed with its one-line report unless it catches it
 * (docs/signals.md). If memory ran out, the largest
 * process dies instead, which may be another one (proc_reclaim_memory). From kernel mode a page fault is a
 * kernel bug (user memory is only ever reached through copyin/copyout,
 * which never fault): panic.
 *
 * Floating-point errors a program unmasked (x87 #MF, SSE #XM; CR0.NE and
 * CR4.OSXMMEXCPT route them here, see arch_init_fpu): the process is
 * sent SIGFPE: killed unless it catches it, with the cause read from the
 * FPU's status in the report.
 */
#include "arch/x86/gdt.h"
#include "arch/x86/paging.h"
#include "arch/x86/trap.h"
#include "arch/x86/x86.h"
#include "core/panic.h"
#include "mm/vm.h"
#include "proc/proc.h"

#define PF_WRITE 0x2            /* error code: the access was a write */

static void page_fault(struct trapframe *tf)
{
    uint32_t va = read_cr2();
    if (!trap_from_user(tf))
        panic_trap(tf, "unhandled trap %u (%s) in kernel mode", tf->trapno, trap_name(T_PGFLT));
    int r = vm_fault(current_proc()->as, va, tf->err & PF_WRITE);
    if (r == -2 && proc_reclaim_memory())
        return;                         /* another process was killed: retry */
    if (r == -2)
        proc_fault_fatal(tf, SIGKILL, "out of memory", va);
    if (r < 0)
        proc_fault(tf, SIGSEGV, tf->err & PF_WRITE ? "page fault (write)" : "page fault (read)",
                   va);
}

/* A double fault, in its own task (gdt.c): the kernel cannot go on, but
 * it can say why. The usual why is a kernel stack overflow: the stack
 * pointer went below the process's stack into the guard page under it. */
void double_fault_task(void)
{
    uint32_t eip, esp;
    tss_interrupted(&eip, &esp);
    struct proc *p = current_proc();
    if (paging_in_guard_page(esp) || paging_in_guard_page(esp - 4))
        panic("kernel stack overflow in pid %d (%s): esp %p is in the guard page below its "
              "kernel stack (eip %p)", p->pid, p->name, (void *)esp, (void *)eip);
    panic("double fault in pid %d (%s): eip %p, esp %p", p->pid, p->name, (void *)eip, (void *)esp);
}

/* The x87 status word and MXCSR flag the same six errors in bits 0-5, in
 * this order; a report names the first one raised. */
static const char *const x87_errors[] = {
    "x87 floating-point error (invalid operation)", "x87 floating-point error (denormal operand)",
    "x87 floating-point error (divide by zero)", "x87 floating-point error (overflow)",
    "x87 floating-point error (underflow)", "x87 floating-point error (precision)",
};
static const char *const simd_errors[] = {
    "SIMD floating-point error (invalid operation)", "SIMD floating-point error (denormal operand)",
    "SIMD floating-point error (divide by zero)", "SIMD floating-point error (overflow)",
    "SIMD floating-point error (underflow)", "SIMD floating-point error (precision)",
};

static const char *fp_error_name(const char *const names[], uint32_t flags, int vector)
{
    for (int i = 0; i < 6; i++)
        if (flags & (1u << i))
            return names[i];
    return trap_name(vector);
}

static void math_fault(struct trapframe *tf)
{
    if (!trap_from_user(tf))
        panic_trap(tf, "unhandled trap %u (%s) in kernel mode", tf->trapno,
                   trap_name((int)tf->trapno));
    uint32_t flags;
    const char *what;
    if (tf->trapno == T_FPERR) {
        uint16_t fsw;
        __asm__ volatile("fnstsw %0" : "=m"(fsw));      /* no wait: it would fault again */
        flags = fsw;
        what = fp_error_name(x87_errors, flags, T_FPERR);
    } else {
        __asm__ volatile("stmxcsr %0" : "=m"(flags));
        what = fp_error_name(simd_errors, flags, T_SIMDERR);
    }
    proc_fault(tf, SIGFPE, what, tf->eip);
}

void fault_init(void)
{
    trap_register(T_PGFLT, page_fault, "page fault");
    trap_register(T_FPERR, math_fault, "x87 floating-point error");
    trap_register(T_SIMDERR, math_fault, "SIMD floating-point error");
}
