/*
 * x86 protection and paging bits: control registers, page-table entry
 * flags, segment selectors. Facts from the Intel SDM vol. 3, ch. 3-4.
 * Usable from assembly.
 */
#ifndef ARCH_X86_MMU_H
#define ARCH_X86_MMU_H

#define PGSIZE      4096u
#define PGSHIFT     12
#define PDXSHIFT    22              /* a directory entry covers 4 MiB */
#define BIGPGSIZE   (1u << PDXSHIFT)

#define CR0_PE      0x00000001u     /* protected mode */
#define CR0_TS      0x00000008u     /* task switched: next FPU use traps */
#define CR0_WP      0x00010000u     /* ring 0 honours read-only pages */
#define CR0_PG      0x80000000u     /* paging */
#define CR4_PSE     0x00000010u     /* 4 MiB pages */

#define PTE_P       0x001u          /* present */
#define PTE_W       0x002u          /* writable */
#define PTE_U       0x004u          /* user-accessible */
#define PTE_PS      0x080u          /* 4 MiB page (directory entries only) */

#define FL_IF       0x00000200u     /* EFLAGS: interrupts enabled */
#define FL_IOPL_MASK 0x00003000u    /* EFLAGS: I/O privilege level */

/* GDT slots and the selectors that name them (index << 3 | RPL). */
#define GDT_NULL    0
#define GDT_KCODE   1
#define GDT_KDATA   2
#define GDT_UCODE   3
#define GDT_UDATA   4
#define GDT_TSS     5
#define GDT_NSLOTS  6
#define SEL_KCODE   (GDT_KCODE << 3)
#define SEL_KDATA   (GDT_KDATA << 3)
#define SEL_UCODE   ((GDT_UCODE << 3) | 3)
#define SEL_UDATA   ((GDT_UDATA << 3) | 3)
#define SEL_TSS     (GDT_TSS << 3)

#ifndef __ASSEMBLER__
#include <stdint.h>
typedef uint32_t pde_t;
typedef uint32_t pte_t;
#define PDX(va)      (((uint32_t)(va) >> PDXSHIFT) & 0x3FF)
#define PGROUNDUP(a)   (((a) + PGSIZE - 1) & ~(PGSIZE - 1))
#define PGROUNDDOWN(a) ((a) & ~(PGSIZE - 1))
#endif

#endif
