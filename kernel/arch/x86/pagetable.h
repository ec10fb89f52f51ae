/*
 * Two-level x86 page tables for user space: a page directory of 1024
 * entries, each pointing at a page table of 1024 PTEs mapping 4 KiB.
 * Page tables are allocated as needed from the frame allocator.
 */
#ifndef ARCH_X86_PAGETABLE_H
#define ARCH_X86_PAGETABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86/mmu.h"

#define PTX(va)       (((uint32_t)(va) >> PGSHIFT) & 0x3FF)
#define PTE_ADDR(pte) ((pte) & ~0xFFFu)
#define PTE_COW       0x200u    /* an "available" bit: copy-on-write page */

/* A new page directory with the kernel half installed; 0 if out of memory. */
pde_t *pgdir_create(void);
/* Frees the directory and its page tables; the caller has already
 * released the frames they map (vm_destroy). */
void pgdir_destroy(pde_t *pgdir);
/* The PTE for va, allocating its page table when `create`; NULL if none. */
pte_t *pgdir_walk(pde_t *pgdir, uint32_t va, bool create);
void pgdir_activate(pde_t *pgdir);
/* Drops a stale translation of va from the TLB (if pgdir is live). */
void tlb_flush_page(pde_t *pgdir, uint32_t va);
/* Drops every user translation from the TLB (if pgdir is live). */
void tlb_flush_all(pde_t *pgdir);

/* Page-sized memory operations with one `rep` instruction each. */
void page_zero(void *page);
void page_copy(void *dst, const void *src);

#endif
