/* Page directories: the kernel half, shared by every address space. */
#ifndef ARCH_X86_PAGING_H
#define ARCH_X86_PAGING_H

#include <stdint.h>

#include "arch/x86/mmu.h"

/* The kernel's page directory: the direct map of RAM and nothing below
 * KERNBASE. Every process's directory copies its kernel half. */
extern pde_t kernel_pgdir[1024];

/* arch_paging_init() (arch/arch.h) fills it and switches to it. */

/* Firmware tables in RAM: the kernel address of physical [pa, pa+len),
 * or NULL when the direct map does not reach all of it. */
void *paging_direct(uint64_t pa, uint32_t len);
/* Device registers above the direct map (the local and I/O APICs): maps
 * the 4 MiB page holding pa at the same virtual address, uncached, and
 * returns pa's address. Only before the first process's directory is
 * made (each copies the kernel half once); NULL if pa is not above the
 * direct map. */
void *paging_map_device(uint32_t pa);

#endif
