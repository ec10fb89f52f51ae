/*
 * x86 protection and paging bits: control registers, page-table entry
 * flags, segment selectors. Facts from the Intel SDM vol. 3, ch. 3-4.
 * Usable from assembly.
 */
#ifndef ARCH_X86_MMU_H
#define ARCH_X86_MMU_H

/* An unsigned 32-bit constant in C; a plain number for the assembler. */
#ifdef __ASSEMBLER__
#define UL32(x) x
#else
#define UL32(x) x##u
#endif

#define PGSIZE      UL32(4096)
#define PGSHIFT     12
#define PDXSHIFT    22              /* a directory entry covers 4 MiB */
#define BIGPGSIZE   (UL32(1) << PDXSHIFT)

#define CR0_PE      UL32(0x00000001)     /* protected mode */
#define CR0_TS      UL32(0x00000008)     /* task switched: next FPU use traps */
#define CR0_WP      UL32(0x00010000)     /* ring 0 honours read-only pages */
#define CR0_PG      UL32(0x80000000)     /* paging */
#define CR4_PSE     UL32(0x00000010)     /* 4 MiB pages */

#define PTE_P       UL32(0x001)          /* present */
#define PTE_W       UL32(0x002)          /* writable */
#define PTE_U       UL32(0x004)          /* user-accessible */
#define PTE_PWT     UL32(0x008)          /* write-through */
#define PTE_PCD     UL32(0x010)          /* cache disabled (device registers) */
#define PTE_PS      UL32(0x080)          /* 4 MiB page (directory entries only) */

#define FL_IF       UL32(0x00000200)     /* EFLAGS: interrupts enabled */
#define FL_IOPL_MASK UL32(0x00003000)    /* EFLAGS: I/O privilege level */
#define FL_VM       UL32(0x00020000)     /* EFLAGS: virtual-8086 mode */

/* GDT slots and the selectors that name them (index << 3 | RPL). */
#define GDT_NULL    0
#define GDT_KCODE   1
#define GDT_KDATA   2
#define GDT_UCODE   3
#define GDT_UDATA   4
#define GDT_TSS     5
#define GDT_KCPU    6               /* per-CPU data: base = this CPU's struct cpu */
#define GDT_DFTSS   7               /* the double-fault task (its own stack) */
#define GDT_NSLOTS  8
#define SEL_KCODE   (GDT_KCODE << 3)
#define SEL_KDATA   (GDT_KDATA << 3)
#define SEL_UCODE   ((GDT_UCODE << 3) | 3)
#define SEL_UDATA   ((GDT_UDATA << 3) | 3)
#define SEL_TSS     (GDT_TSS << 3)
#define SEL_KCPU    (GDT_KCPU << 3)
#define SEL_DFTSS   (GDT_DFTSS << 3)

#ifndef __ASSEMBLER__
#include <stdint.h>
typedef uint32_t pde_t;
typedef uint32_t pte_t;
#define PDX(va)      (((uint32_t)(va) >> PDXSHIFT) & 0x3FF)
#define PGROUNDUP(a)   (((a) + PGSIZE - 1) & ~(PGSIZE - 1))
#define PGROUNDDOWN(a) ((a) & ~(PGSIZE - 1))
#endif

#endif
