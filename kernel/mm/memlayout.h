/*
 * The address space, as every page directory maps it.
 *
 *   virtual                                  physical
 *   0xFFFFFFFF +---------------------------+
 *              | device registers          |  identity-mapped, uncached: the
 *              |                           |  local and I/O APICs (0xFEC00000)
 *   0xF0800000 +---------------------------+ <- KSTACKS_END
 *              | kernel stacks             |  one 4 KiB stack per process
 *              |   guard, stack, guard,    |  slot, each above an unmapped
 *              |   stack, ...              |  guard page: an overflow faults
 *   0xF0000000 +---------------------------+ <- KERN_DIRECT_END, KSTACKS_BASE
 *              | direct map of RAM         |  0x00000000 .. 0x2FFFFFFF
 *              |   kernel image at +1 MiB  |  (768 MiB at most: RAM above
 *              |   frames, kernel heap     |   that is ignored and reported)
 *   0xC0000000 +---------------------------+ <- KERNBASE
 *              | user space (mm/vm.h)      |  page 0 never mapped
 *   0x00000000 +---------------------------+
 *
 * Every kernel address is P2V(physical): the kernel half is the same 4 MiB
 * (PSE) directory entries in every page directory, built once at boot.
 */
#ifndef MM_MEMLAYOUT_H
#define MM_MEMLAYOUT_H

#include "arch/x86/mmu.h"     /* UL32 */

#define KERNBASE        UL32(0xC0000000)          /* first kernel virtual address */
#define KERN_LOAD_PHYS  UL32(0x00100000)          /* where loaders put the kernel */
#define KERN_DIRECT_MAX UL32(0x30000000)          /* RAM the direct map can reach */
#define KERN_DIRECT_END (KERNBASE + KERN_DIRECT_MAX)
/* Kernel stacks: slot i's stack is the second page of the pair at
 * KSTACKS_BASE + i * 8 KiB; the first page of each pair is never mapped.
 * Room for 1024 slots (NPROC's largest). */
#define KSTACKS_BASE    KERN_DIRECT_END
#define KSTACKS_END     (KSTACKS_BASE + UL32(0x800000))

#ifndef __ASSEMBLER__
#include <stdint.h>
#define P2V(pa) ((void *)((uintptr_t)(pa) + KERNBASE))
#define V2P(va) ((uintptr_t)(va) - KERNBASE)

/* Bounds of the kernel image, from kernel/kernel.ld (virtual addresses). */
extern char __kernel_start[], __kernel_end[];
#endif

#endif
