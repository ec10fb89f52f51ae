/*
 * The x86 side of processes: laying out a new kernel stack, entering user
 * mode, switching between processes, and the FPU state they carry.
 *
 * A process's kernel stack (one 4 KiB frame):
 *
 *   kstack + 4096  +------------------------+
 *                  | struct trapframe       |  user registers (p->tf)
 *                  +------------------------+
 *                  | &trap_return           |  where `first` returns to
 *                  +------------------------+
 *                  | struct context         |  eip = first (p->context)
 *                  +------------------------+
 *                  |   ... grows down ...   |
 *   kstack         | PROC_MAGIC             |  overwritten = overflow
 *                  +------------------------+
 */
#include "arch/arch.h"

#include "arch/x86/context.h"
#include "arch/x86/gdt.h"
#include "arch/x86/pagetable.h"
#include "arch/x86/trap.h"
#include "arch/x86/x86.h"
#include "lib/string.h"
#include "mm/vm.h"
#include "proc/proc.h"

#define CR0_EM      0x00000004u     /* emulate FPU (off: use the real one) */
#define CR0_MP      0x00000002u     /* monitor coprocessor */
#define CR0_NE      0x00000020u     /* x87 errors raise #MF, not the legacy FERR# line */
#define CR4_OSFXSR  0x00000200u     /* fxsave/fxrstor and SSE allowed */
#define CR4_OSXMMEXCPT 0x00000400u /* unmasked SSE errors raise #XM, not #UD */

extern char trap_return[];
static struct fpu_state fpu_initial;    /* what fninit leaves, for new programs */

static inline uint32_t read_cr4(void) { uint32_t v; __asm__ volatile("mov %%cr4, %0" : "=r"(v)); return v; }
static inline void write_cr4(uint32_t v) { __asm__ volatile("mov %0, %%cr4" : : "r"(v)); }

/* Turns on the FPU and SSE for user programs and records a clean state.
 * The kernel itself is compiled to never touch these registers. With NE
 * set, a floating-point error that a program has unmasked arrives as an
 * exception in that program (#MF, #XM: fault.c kills it); with NE clear
 * it would go out on the PC's legacy FERR# interrupt line, away from the
 * process that caused it. */
void arch_init_fpu(void)
{
    fpu_init_cpu();
    fpu_save(&fpu_initial);
}

/* Each CPU's own control registers: every CPU that runs processes. */
void fpu_init_cpu(void)
{
    write_cr0((read_cr0() & ~(CR0_EM | CR0_TS)) | CR0_MP | CR0_NE);
    write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
    __asm__ volatile("fninit");
}

void fpu_load_initial(void)
{
    fpu_restore(&fpu_initial);
}

/* The fxsave image keeps MXCSR at byte 24 and the mask of its valid bits
 * at byte 28; a mask of 0 means the default, 0xFFBF (SDM vol. 1, 11.6.6). */
void fpu_make_safe(struct fpu_state *f)
{
    uint32_t mask, mxcsr;
    memcpy(&mask, fpu_initial.bytes + 28, 4);
    memcpy(&mxcsr, f->bytes + 24, 4);
    mxcsr &= mask ? mask : 0xFFBFu;
    memcpy(f->bytes + 24, &mxcsr, 4);
    memcpy(f->bytes + 28, &mask, 4);
}

void arch_fpu_init_state(struct proc *p)
{
    p->fpu = fpu_initial;
}

void arch_proc_init_stack(struct proc *p, void (*first)(void))
{
    char *sp = (char *)p->kstack + KSTACK_SIZE;
    sp -= sizeof *p->tf;
    p->tf = (struct trapframe *)sp;
    memset(p->tf, 0, sizeof *p->tf);
    sp -= 4;
    *(uint32_t *)sp = (uint32_t)trap_return;
    sp -= sizeof *p->context;
    p->context = (struct context *)sp;
    memset(p->context, 0, sizeof *p->context);
    p->context->eip = (uint32_t)first;
}

/* Sets the trapframe so the next return from the kernel starts the new
 * program at entry with stack esp, in ring 3 with interrupts on and
 * IOPL 0 (no I/O ports), all other registers zero, a clean FPU. */
void arch_enter_user(struct proc *p, uint32_t entry, uint32_t esp)
{
    struct trapframe *tf = p->tf;
    memset(tf, 0, sizeof *tf);
    tf->cs = SEL_UCODE;
    tf->ds = tf->es = tf->fs = tf->gs = tf->ss = SEL_UDATA;
    tf->eflags = FL_IF;
    tf->eip = entry;
    tf->esp = esp;
    fpu_load_initial();
}

void arch_switch(struct proc *prev, struct proc *next)
{
    tss_set_kernel_stack((uint32_t)next->kstack + KSTACK_SIZE);
    /* Reloads CR3 only if it differs. Idle (no address space) runs on
     * the kernel's own page directory, never on the last process's: that
     * process may exit on another CPU and free it (docs/memory.md). */
    if (next->as)
        vm_activate(next->as);
    else
        vm_deactivate();
    /* Eager FPU switch: fxsave and fxrstor are one instruction each. */
    fpu_save(&prev->fpu);
    fpu_restore(&next->fpu);
    swtch(&prev->context, next->context);
}
