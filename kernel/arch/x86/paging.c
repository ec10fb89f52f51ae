/*
 * The kernel's page directory. The kernel half uses 4 MiB pages (CR4.PSE,
 * set in entry.S): no page tables to allocate, and a new address space
 * gets the whole kernel by copying 256 directory entries.
 */
#include "arch/x86/paging.h"

#include "arch/arch.h"

#include "arch/x86/pagetable.h"
#include "arch/x86/x86.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/frame.h"
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

/* The page table for va in the kernel half, made on first use: only at
 * boot, before any process's directory copies the kernel half. */
static pte_t *kernel_pte(uint32_t va)
{
    pde_t *pde = &kernel_pgdir[PDX(va)];
    if (!(*pde & PTE_P)) {
        uint32_t pt = frame_alloc();
        if (!pt)
            return 0;
        memset(P2V(pt), 0, PGSIZE);
        *pde = pt | PTE_P | PTE_W;
    }
    return (pte_t *)P2V(PTE_ADDR(*pde)) + PTX(va);
}

void *arch_kstack_map(int slot, uint32_t frame)
{
    uint32_t guard = KSTACKS_BASE + (uint32_t)slot * 2 * PGSIZE, va = guard + PGSIZE;
    ASSERT(va + PGSIZE <= KSTACKS_END);
    pte_t *pte = kernel_pte(va);
    if (!pte)
        return 0;
    *pte = frame | PTE_P | PTE_W;       /* the guard page's PTE stays 0 */
    return (void *)va;
}

bool paging_in_guard_page(uint32_t va)
{
    return va >= KSTACKS_BASE && va < KSTACKS_END && ((va - KSTACKS_BASE) / PGSIZE) % 2 == 0;
}

bool paging_kstack_mapped(uint32_t va)
{
    if (va < KSTACKS_BASE || va >= KSTACKS_END || !(kernel_pgdir[PDX(va)] & PTE_P))
        return false;
    return ((pte_t *)P2V(PTE_ADDR(kernel_pgdir[PDX(va)])))[PTX(va)] & PTE_P;
}

void *paging_map_device(uint32_t pa)
{
    if (pa < KSTACKS_END)
        return 0;               /* the direct map, or the kernel stacks' page tables */
    uint32_t big = pa & ~(BIGPGSIZE - 1);
    kernel_pgdir[PDX(big)] = big | PTE_P | PTE_W | PTE_PS | PTE_PCD | PTE_PWT;
    __asm__ volatile("invlpg (%0)" : : "r"(pa) : "memory");
    return (void *)pa;
}
