/*
 * The kernel's page directory. The kernel half uses 4 MiB pages (CR4.PSE,
 * set in entry.S): no page tables to allocate, and a new address space
 * gets the whole kernel by copying 256 directory entries.
 */
#include "arch/x86/paging.h"

#include "arch/arch.h"

#include "arch/x86/x86.h"
#include "mm/memlayout.h"

pde_t kernel_pgdir[1024] __attribute__((aligned(PGSIZE)));

void arch_paging_init(uint32_t ram_top)
{
    for (uint32_t pa = 0; pa < ram_top && pa < KERN_DIRECT_MAX; pa += BIGPGSIZE)
        kernel_pgdir[PDX(KERNBASE + pa)] = pa | PTE_P | PTE_W | PTE_PS;
    write_cr3(V2P(kernel_pgdir));
}
