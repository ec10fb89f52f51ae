/* Segments: flat kernel and user code/data, and the TSS. */
#ifndef ARCH_X86_GDT_H
#define ARCH_X86_GDT_H

#include <stdint.h>

void gdt_init(void);
/* The kernel stack the CPU switches to on a trap from ring 3. */
void tss_set_kernel_stack(uint32_t esp0);

#endif
