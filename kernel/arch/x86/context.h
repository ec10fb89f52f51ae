/*
 * The machine state the kernel saves for a process that is not running:
 *   - struct context: the callee-saved registers of its kernel thread,
 *     pushed on its kernel stack by swtch() (the C calling convention
 *     says the caller saved the rest);
 *   - struct fpu_state: its x87/SSE registers, saved with fxsave;
 *   - its user registers are the struct trapframe (arch/x86/trap.h) at
 *     the top of its kernel stack, saved by trap entry.
 */
#ifndef ARCH_X86_CONTEXT_H
#define ARCH_X86_CONTEXT_H

#include <stdint.h>

/* In the order swtch.S pushes them (lowest address first). */
struct context {
    uint32_t edi;
    uint32_t esi;
    uint32_t ebx;
    uint32_t ebp;
    uint32_t eip;               /* where swtch returns to */
};

/* The fxsave image: 512 bytes, 16-byte aligned (SDM vol. 1, 10.5.1). */
struct fpu_state {
    uint8_t bytes[512];
} __attribute__((aligned(16)));

/* Saves the current registers in *save, loads `load`'s: returns later,
 * when someone switches back to *save. */
void swtch(struct context **save, struct context *load);

/* Turns on the FPU and SSE on the calling CPU (arch_init_fpu does it on
 * the boot CPU; each other CPU as it starts). */
void fpu_init_cpu(void);

/* Loads the clean state new programs start with (a signal handler too). */
void fpu_load_initial(void);
/* Makes an image from user memory safe for fxrstor: MXCSR keeps only the
 * bits this CPU supports (a reserved bit would fault in the kernel). */
void fpu_make_safe(struct fpu_state *f);

static inline void fpu_save(struct fpu_state *f)
{
    __asm__ volatile("fxsave %0" : "=m"(*f));
}

static inline void fpu_restore(const struct fpu_state *f)
{
    __asm__ volatile("fxrstor %0" : : "m"(*f));
}

#endif
