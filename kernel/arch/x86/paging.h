/* Page directories: the kernel half, shared by every address space. */
#ifndef ARCH_X86_PAGING_H
#define ARCH_X86_PAGING_H

#include <stdint.h>

#include "arch/x86/mmu.h"

/* The kernel's page directory: the direct map of RAM and nothing below
 * KERNBASE. Every process's directory copies its kernel half. */
extern pde_t kernel_pgdir[1024];

/* arch_paging_init() (arch/arch.h) fills it and switches to it. */

#endif
