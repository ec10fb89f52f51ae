/* x86 page directories and tables for user address spaces. */
#include "arch/x86/pagetable.h"

#include "arch/x86/paging.h"
#include "arch/x86/x86.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/memlayout.h"

void page_zero(void *page)
{
    uint32_t n = PGSIZE / 4;
    __asm__ volatile("rep stosl" : "+D"(page), "+c"(n) : "a"(0) : "memory");
}

void page_copy(void *dst, const void *src)
{
    uint32_t n = PGSIZE / 4;
    __asm__ volatile("rep movsl" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
}

pde_t *pgdir_create(void)
{
    uint32_t pa = frame_alloc();
    if (!pa)
        return 0;
    pde_t *pgdir = P2V(pa);
    /* The user half starts empty; the kernel half is shared: the same
     * 4 MiB entries in every directory, so copying them is enough. */
    memset(pgdir, 0, PDX(KERNBASE) * sizeof(pde_t));
    memcpy(pgdir + PDX(KERNBASE), kernel_pgdir + PDX(KERNBASE),
           (1024 - PDX(KERNBASE)) * sizeof(pde_t));
    return pgdir;
}

pte_t *pgdir_walk(pde_t *pgdir, uint32_t va, bool create)
{
    ASSERT(va < KERNBASE);
    pde_t *pde = &pgdir[PDX(va)];
    if (!(*pde & PTE_P)) {
        if (!create)
            return 0;
        uint32_t pa = frame_alloc();
        if (!pa)
            return 0;
        page_zero(P2V(pa));
        /* Permissions live in the PTEs; the PDE allows everything. */
        *pde = pa | PTE_P | PTE_W | PTE_U;
    }
    pte_t *table = P2V(PTE_ADDR(*pde));
    return &table[PTX(va)];
}

void pgdir_destroy(pde_t *pgdir)
{
    for (uint32_t i = 0; i < PDX(KERNBASE); i++)
        if (pgdir[i] & PTE_P)
            frame_free(PTE_ADDR(pgdir[i]));
    frame_free(V2P(pgdir));
}

void pgdir_activate(pde_t *pgdir)
{
    uint32_t pa = V2P(pgdir);
    if (read_cr3() != pa)       /* reloading CR3 flushes the whole TLB */
        write_cr3(pa);
}

void tlb_flush_page(pde_t *pgdir, uint32_t va)
{
    if (read_cr3() == V2P(pgdir))
        __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

void tlb_flush_all(pde_t *pgdir)
{
    uint32_t pa = V2P(pgdir);
    if (read_cr3() == pa)
        write_cr3(pa);
}
