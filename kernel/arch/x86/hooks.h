/* x86 versions of the inline hooks declared in arch/arch.h. */
#ifndef ARCH_X86_HOOKS_H
#define ARCH_X86_HOOKS_H

#include <stdbool.h>

#include "arch/x86/mmu.h"
#include "arch/x86/x86.h"

static inline bool arch_irq_enabled(void) { return read_eflags() & FL_IF; }
static inline void arch_irq_disable(void) { cli(); }
static inline void arch_irq_enable(void) { sti(); }
/* sti takes effect after the next instruction, so no interrupt can slip
 * in between and leave us halted with work pending. */
static inline void arch_idle(void) { __asm__ volatile("sti; hlt" ::: "memory"); }

#endif
