/*
 * The kernel's first instructions. A Multiboot loader (QEMU's -kernel,
 * GRUB, or our boot/ loader) jumps here in 32-bit protected mode, paging
 * off, with EAX = 0x2BADB002 and EBX = the physical address of the
 * Multiboot information structure.
 *
 * The kernel is linked at KERNBASE + 1 MiB but loaded at 1 MiB, so until
 * paging is on only position-independent code runs, and every address
 * taken is converted with "- KERNBASE". We turn on paging with
 * boot_pgdir, which maps the first 4 MiB twice (at 0, so the next
 * instruction still exists, and at KERNBASE), plus the rest of the direct
 * map, then jump to kmain in the higher half. kmain never returns.
 */
#include "arch/x86/mmu.h"
#include "mm/memlayout.h"

#define MB_HEADER_MAGIC 0x1BADB002
#define MB_FLAGS        0x00000003      /* modules page-aligned; give memory info */

.section .multiboot, "a"
.align 4
multiboot_header:
    .long MB_HEADER_MAGIC
    .long MB_FLAGS
    .long -(MB_HEADER_MAGIC + MB_FLAGS)

.text
/* The ELF entry point is the physical address of entry. */
.globl _start
_start = entry - KERNBASE

.globl entry
entry:
    cld                             /* C code assumes it; Multiboot does not promise it */
    movl %cr4, %ecx
    orl $CR4_PSE, %ecx
    movl %ecx, %cr4
    movl $(boot_pgdir - KERNBASE), %ecx
    movl %ecx, %cr3
    movl %cr0, %ecx
    orl $(CR0_PG | CR0_WP), %ecx
    movl %ecx, %cr0

    movl $boot_stack_top, %esp
    xorl %ebp, %ebp                 /* ends the backtrace */
    pushl %ebx                      /* multiboot info (physical) */
    pushl %eax                      /* multiboot magic */
    movl $kmain, %ecx
    call *%ecx                      /* absolute: into the higher half */
1:  cli
    hlt
    jmp 1b

/*
 * boot_pgdir: 4 MiB pages. Entry 0 identity-maps the first 4 MiB for the
 * instructions between "paging on" and the jump; entries from PDX(KERNBASE)
 * map physical 0 .. KERN_DIRECT_MAX. paging_init() replaces it with a
 * directory that maps only the RAM that exists and has no identity entry.
 */
.data
.align PGSIZE
.globl boot_pgdir
boot_pgdir:
    .long PTE_P | PTE_W | PTE_PS
    .fill (KERNBASE >> PDXSHIFT) - 1, 4, 0
    .set pa, 0
    .rept KERN_DIRECT_MAX >> PDXSHIFT
    .long pa | PTE_P | PTE_W | PTE_PS
    .set pa, pa + BIGPGSIZE
    .endr
    .fill 1024 - (KERNBASE >> PDXSHIFT) - (KERN_DIRECT_MAX >> PDXSHIFT), 4, 0

.bss
.align 16
.globl boot_stack, boot_stack_top
boot_stack:
    .space 16384
boot_stack_top:
