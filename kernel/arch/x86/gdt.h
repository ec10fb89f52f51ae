/* Segments: flat kernel and user code/data, the TSS, per-CPU data. */
#ifndef ARCH_X86_GDT_H
#define ARCH_X86_GDT_H

#include <stdint.h>

struct cpu;

/* Loads c's own GDT and TSS on the calling CPU, which must be c. */
void gdt_init(struct cpu *c);
/* The kernel stack this CPU switches to on a trap from ring 3. */
void tss_set_kernel_stack(uint32_t esp0);

#endif
