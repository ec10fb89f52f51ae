/* x86 versions of the inline hooks declared in arch/arch.h. */
#ifndef ARCH_X86_HOOKS_H
#define ARCH_X86_HOOKS_H

#include <stdbool.h>

#include "arch/x86/mmu.h"
#include "arch/x86/trap.h"
#include "arch/x86/x86.h"

struct cpu;

static inline bool arch_irq_enabled(void) { return read_eflags() & FL_IF; }
static inline void arch_irq_disable(void) { cli(); }
static inline void arch_irq_enable(void) { sti(); }
/* sti takes effect after the next instruction, so no interrupt can slip
 * in between and leave us halted with work pending. */
static inline void arch_idle(void) { __asm__ volatile("sti; hlt" ::: "memory"); }
/* In a busy-wait loop: tells the CPU (and a hyperthread sibling) so. */
static inline void arch_cpu_relax(void) { __asm__ volatile("pause" ::: "memory"); }

/* This CPU's struct cpu (core/cpu.h): the per-CPU segment's base points
 * at it, and its first field points at itself. */
static inline struct cpu *arch_this_cpu(void)
{
    struct cpu *c;
    __asm__ volatile("movl %%gs:0, %0" : "=r"(c));
    return c;
}

/* Did this trap come from user mode (ring 3 or virtual-8086)? */
static inline bool arch_from_user(const struct trapframe *tf) { return trap_from_user(tf); }
/* The value a system call (or fork, in the child) returns to user mode. */
static inline void arch_set_return(struct trapframe *tf, uint32_t v) { tf->eax = v; }
/* Where the process was in user mode when it entered the kernel. */
static inline uint32_t arch_user_pc(const struct trapframe *tf) { return tf->eip; }
/* A cycle counter; under QEMU -icount, instructions retired. */
static inline uint64_t arch_timestamp(void) { return rdtsc(); }

#endif
