/* Segments: flat kernel and user code/data, the TSS, per-CPU data. */
#ifndef ARCH_X86_GDT_H
#define ARCH_X86_GDT_H

#include <stdint.h>

struct cpu;

/* Loads c's own GDT and TSS on the calling CPU, which must be c. */
void gdt_init(struct cpu *c);
/* The kernel stack this CPU switches to on a trap from ring 3. */
void tss_set_kernel_stack(uint32_t esp0);
/* In the double-fault task: where the CPU was when it double-faulted
 * (saved in this CPU's TSS by the task switch). */
void tss_interrupted(uint32_t *eip, uint32_t *esp);
/* The double-fault task's code (fault.c); it never returns. */
void double_fault_task(void);

#endif
