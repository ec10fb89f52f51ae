/*
 * The x86 side of signals: the frame a handler runs on, built on the
 * user stack at delivery and read back by sigreturn (docs/signals.md
 * draws it).
 *
 *   interrupted %esp ->  ...                 the program's stack
 *                        (padding)           to align fpu and &sig
 *   F + 52               fpu[512]            fxsave image, 16-aligned
 *   F + 48               mask                blocked signals before
 *   F + 8                edi ... esp         the interrupted registers
 *   F + 4                sig                 the handler's argument
 *   F (handler's %esp)   ret                 the trampoline's address
 *
 * F + 4 is 16-aligned, as the i386 System V ABI wants at a call. The
 * handler returns to the trampoline with %esp = F + 4, and the
 * trampoline's sigreturn finds the frame there.
 *
 * Everything in the frame is the program's to change, so sigreturn
 * trusts none of it: the segments are forced to the user's, EFLAGS keeps
 * only the arithmetic flags and DF (never IOPL, VM, NT, TF; IF always
 * on), MXCSR only its valid bits (fpu_make_safe). A bad %eip or %esp
 * only faults in user mode, where it is that program's SIGSEGV.
 */
#include "arch/arch.h"

#include <stddef.h>

#include "arch/x86/mmu.h"
#include "arch/x86/trap.h"
#include "mm/uaccess.h"

struct sigframe {
    uint32_t ret;
    int32_t sig;
    uint32_t edi, esi, ebp, ebx, edx, ecx, eax;
    uint32_t eip, eflags, esp;
    uint32_t mask;
    /* fpu[512] follows: copied on its own, from an aligned buffer. */
};

#define FRAME_SIZE (sizeof(struct sigframe) + sizeof(struct fpu_state))
/* CF, PF, AF, ZF, SF, DF, OF: what a program may set in EFLAGS itself. */
#define FL_USER_CHANGEABLE 0x00000CD5u
#define FL_DF 0x00000400u

// LAB signals BEGIN
static void save_regs(struct sigframe *f, const struct trapframe *tf)
{
    f->edi = tf->edi;
    f->esi = tf->esi;
    f->ebp = tf->ebp;
    f->ebx = tf->ebx;
    f->edx = tf->edx;
    f->ecx = tf->ecx;
    f->eax = tf->eax;
    f->eip = tf->eip;
    f->eflags = tf->eflags;
    f->esp = tf->esp;
}

int arch_signal_push(struct trapframe *tf, int sig, uint32_t handler, uint32_t trampoline,
                     uint32_t mask)
{
    if (tf->esp < FRAME_SIZE + 32)
        return -1;                      /* would wrap around: a garbage %esp */
    uint32_t frame = ((tf->esp - FRAME_SIZE) & ~15u) - 4;
    struct sigframe f = { .ret = trampoline, .sig = sig, .mask = mask };
    save_regs(&f, tf);
    struct fpu_state fpu;
    fpu_save(&fpu);                     /* the program's live FPU registers */
    if (copyout(frame, &f, sizeof f) < 0 || copyout(frame + sizeof f, &fpu, sizeof fpu) < 0)
        return -1;
    fpu_load_initial();                 /* the handler starts with a clean FPU */
    tf->esp = frame;
    tf->eip = handler;
    tf->eflags = (tf->eflags & FL_USER_CHANGEABLE & ~FL_DF) | FL_IF;   /* the ABI's DF = 0 */
    return 0;
}

static void restore_regs(struct trapframe *tf, const struct sigframe *f)
{
    tf->edi = f->edi;
    tf->esi = f->esi;
    tf->ebp = f->ebp;
    tf->ebx = f->ebx;
    tf->edx = f->edx;
    tf->ecx = f->ecx;
    tf->eax = f->eax;
    tf->eip = f->eip;
    tf->esp = f->esp;
    tf->eflags = (f->eflags & FL_USER_CHANGEABLE) | FL_IF;
    tf->cs = SEL_UCODE;
    tf->ds = tf->es = tf->fs = tf->gs = tf->ss = SEL_UDATA;
}

int arch_signal_pop(struct trapframe *tf, uint32_t *mask)
{
    uint32_t frame = tf->esp - 4;       /* the handler's ret popped F's first word */
    struct sigframe f;
    struct fpu_state fpu;
    if (copyin(&f, frame, sizeof f) < 0 || copyin(&fpu, frame + sizeof f, sizeof fpu) < 0)
        return -1;
    restore_regs(tf, &f);
    fpu_make_safe(&fpu);
    fpu_restore(&fpu);
    *mask = f.mask;
    return 0;
}
// LAB signals END
