/* Page directories: the kernel half, shared by every address space. */
#ifndef ARCH_X86_PAGING_H
#define ARCH_X86_PAGING_H

#include <stdbool.h>
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
 * direct map and the kernel stacks (mm/memlayout.h). */
void *paging_map_device(uint32_t pa);
/* Is va in the guard page below some kernel stack (arch_kstack_map)? */
bool paging_in_guard_page(uint32_t va);
/* Is va in a kernel stack that is mapped (readable)? */
bool paging_kstack_mapped(uint32_t va);

#endif
