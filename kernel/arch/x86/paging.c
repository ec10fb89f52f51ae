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
static uint32_t direct_end;     /* physical end of the direct map */

void arch_paging_init(uint32_t ram_top)
{
    uint32_t pa;
    for (pa = 0; pa < ram_top && pa < KERN_DIRECT_MAX; pa += BIGPGSIZE)
        kernel_pgdir[PDX(KERNBASE + pa)] = pa | PTE_P | PTE_W | PTE_PS;
    direct_end = pa;
    write_cr3(V2P(kernel_pgdir));
}

void *paging_direct(uint64_t pa, uint32_t len)
{
    if (pa + len > direct_end)
        return 0;
    return P2V((uint32_t)pa);
}

void *paging_map_device(uint32_t pa)
{
    if (pa < KERN_DIRECT_END)
        return 0;
    uint32_t big = pa & ~(BIGPGSIZE - 1);
    kernel_pgdir[PDX(big)] = big | PTE_P | PTE_W | PTE_PS | PTE_PCD | PTE_PWT;
    __asm__ volatile("invlpg (%0)" : : "r"(pa) : "memory");
    return (void *)pa;
}
