/*
 * The first instructions of an application processor. A start-up IPI
 * with vector 0x08 starts the CPU in real mode at 0x0800:0000, that is
 * physical TRAMPOLINE_PHYS, where smp.c copied the bytes from
 * trampoline_start to trampoline_end (this code runs only from there,
 * never where it is linked, so every address below is computed from the
 * copy's base). The path:
 *
 *   real mode: load a small flat GDT, set CR0.PE, far jump into 32-bit code
 *   protected mode: flat segments, CR4.PSE, boot_pgdir (entry.S: it maps
 *     the trampoline's low memory as well as the kernel half), paging on
 *   the kernel half: the stack and struct cpu smp.c left in the two
 *     words at the end, then smp_ap_main(cpu), which never returns.
 */
#include "arch/x86/mmu.h"
#include "arch/x86/smp.h"
#include "mm/memlayout.h"

#define HERE(sym) (TRAMPOLINE_PHYS + (sym) - trampoline_start)

.text
.code16
.globl trampoline_start
trampoline_start:
    cli
    cld
    movw %cs, %ax                   /* 0x0800: offsets below count from the copy */
    movw %ax, %ds
    lgdtl tramp_gdtdesc - trampoline_start
    movl %cr0, %eax
    orl $CR0_PE, %eax
    movl %eax, %cr0
    ljmpl $SEL_KCODE, $HERE(start32)

.code32
start32:
    movw $SEL_KDATA, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    xorw %ax, %ax
    movw %ax, %fs
    movw %ax, %gs
    movl %cr4, %eax
    orl $CR4_PSE, %eax
    movl %eax, %cr4
    movl $(boot_pgdir - KERNBASE), %eax
    movl %eax, %cr3
    movl %cr0, %eax
    orl $(CR0_PG | CR0_WP), %eax
    movl %eax, %cr0
    movl HERE(trampoline_stack), %esp
    xorl %ebp, %ebp                 /* ends the backtrace */
    pushl HERE(trampoline_cpu)
    movl $smp_ap_main, %eax
    call *%eax                      /* absolute: into the higher half */
1:  hlt
    jmp 1b

/* Flat 4 GiB code and data at the kernel's selectors (SEL_KCODE, SEL_KDATA). */
.p2align 3
tramp_gdt:
    .quad 0
    .quad 0x00CF9A000000FFFF        /* code: base 0, limit 4 GiB, ring 0, 32-bit */
    .quad 0x00CF92000000FFFF        /* data: the same, writable */
tramp_gdtdesc:
    .word tramp_gdtdesc - tramp_gdt - 1
    .long HERE(tramp_gdt)

/* Filled in by smp.c before each start-up IPI. */
.p2align 2
.globl trampoline_stack, trampoline_cpu
trampoline_stack:
    .long 0
trampoline_cpu:
    .long 0
.globl trampoline_end
trampoline_end:
