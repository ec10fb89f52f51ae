/* Page directories: the kernel half, shared by every address space. */
#ifndef ARCH_X86_PAGING_H
#define ARCH_X86_PAGING_H

#include <stdint.h>

#include "arch/x86/mmu.h"

/* The kernel's page directory: the direct map of RAM and nothing below
 * KERNBASE. Every process's directory copies its kernel half. */
extern pde_t kernel_pgdir[1024];

/* Maps physical [0, ram_top) at KERNBASE with 4 MiB pages, drops the
 * boot-time identity map, and switches to kernel_pgdir. */
void paging_init(uint32_t ram_top);

#endif
