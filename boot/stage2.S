/*
 * Stage 2's first instructions, and its last one.
 *
 * The MBR jumps to STAGE2_ENTRY in 16-bit real mode with DL = BIOS drive
 * and CX = stage 2's size in sectors. While the BIOS is still usable we
 * ask it for the E820 memory map (only real mode can call the BIOS), then
 * leave real mode for good: load our GDT, set CR0.PE, far-jump into 32-bit
 * code, and call stage2_main() in C, which does everything else with
 * plain port I/O (boot/main.c). enter_kernel() is the jump to the kernel.
 */
#include "layout.h"

#define CR0_PE 0x00000001

    .section .header, "ax"
    .long STAGE2_MAGIC          /* checked by the MBR */

    .code16
    .globl _start
_start:                         /* = STAGE2_ENTRY */
    xorw %ax, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %ss
    movw $STACK_TOP, %sp
    /* Zero the .bss first: the MBR loaded only the image, and the C code
     * counts on zeroed statics. (CX is parked in BX meanwhile.) */
    movw %cx, %bx
    xorb %al, %al
    movw $__bss_start, %di
    movw $__bss_end, %cx
    subw %di, %cx
    cld
    rep stosb
    movb %dl, boot_drive
    movw %bx, stage2_sectors

    call read_e820

    /* Into protected mode. Interrupts stay off from here on: the BIOS's
     * real-mode handlers cannot run in protected mode, and we set up no
     * IDT of our own. */
    cli
    lgdtl gdt_desc
    movl %cr0, %eax
    orl $CR0_PE, %eax
    movl %eax, %cr0
    /* CS still holds a real-mode value until a far jump loads a
     * selector: this one (GDT entry 1) makes CS a flat 32-bit segment. */
    ljmp $SEL_CODE32, $protected_mode

/*
 * read_e820: int 0x15 EAX=0xE820, one entry per call, into e820_map
 * (E820_ENTRY_SIZE bytes apart, ES:DI = where). In: EBX = continuation
 * (0 the first time), ECX = buffer size, EDX = "SMAP". Out: CF set on
 * error, EAX = "SMAP", ECX = bytes stored, EBX = next continuation (0 after
 * the last entry). Leaves e820_count = entries stored (0: no map).
 */
read_e820:
    xorl %ebx, %ebx
    movw $e820_map, %di
    movw $0, e820_count
1:  movl $0xE820, %eax
    movl $SMAP, %edx
    movl $E820_ENTRY_SIZE, %ecx
    /* ACPI 3 "entry valid" attribute, for BIOSes that store only 20 bytes. */
    movl $1, %es:20(%di)
    int $0x15
    jc 2f                       /* error, or some BIOSes' way of saying "done" */
    cmpl $SMAP, %eax
    jne 2f                      /* no E820 at all */
    incw e820_count
    addw $E820_ENTRY_SIZE, %di
    cmpw $E820_MAX, e820_count
    jae 2f                      /* buffer full: keep what we have */
    testl %ebx, %ebx
    jnz 1b
2:  ret

    .code32
protected_mode:
    /* Every data segment register gets the flat data segment (entry 2). */
    movw $SEL_DATA32, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %fs
    movw %ax, %gs
    movw %ax, %ss
    movl $STACK_TOP, %esp
    xorl %ebp, %ebp
    call stage2_main            /* never returns */
halt:
    cli
    hlt
    jmp halt

/*
 * enter_kernel(entry, magic, info): the Multiboot hand-off. EAX = magic,
 * EBX = info, flat segments (ours), paging off, interrupts off, and
 * EFLAGS otherwise clean; ESP is the kernel's business.
 */
    .globl enter_kernel
enter_kernel:
    movl 4(%esp), %ecx
    movl 8(%esp), %eax
    movl 12(%esp), %ebx
    pushl $0
    popfl                       /* IF = 0, DF = 0, VM = 0 */
    jmp *%ecx

/*
 * The GDT. Each descriptor is 8 bytes: limit 15:0, base 15:0, base 23:16,
 * access byte, flags (4 bits) with limit 19:16, base 31:24. Both of ours
 * have base 0 and limit 0xFFFFF in 4 KiB units (= 4 GiB): "flat".
 */
    .p2align 3
gdt:
    .quad 0                     /* 0x00: the null descriptor, required */
    /* 0x08: code. Access 0x9A = present, ring 0, code, readable.
     *       Flags 0xC = 4 KiB granularity, 32-bit default operand size. */
    .word 0xFFFF, 0x0000
    .byte 0x00, 0x9A, 0xCF, 0x00
    /* 0x10: data. Access 0x92 = present, ring 0, data, writable. */
    .word 0xFFFF, 0x0000
    .byte 0x00, 0x92, 0xCF, 0x00
gdt_end:

gdt_desc:                       /* what lgdt reads: limit, then base */
    .word gdt_end - gdt - 1
    .long gdt

/* Handed to the C code (boot/stage2.h). */
    .data
    .globl boot_drive, stage2_sectors, e820_count
boot_drive:     .byte 0
    .p2align 1
stage2_sectors: .word 0
e820_count:     .word 0

    .bss
    .p2align 3
    .globl e820_map
e820_map:
    .space E820_MAX * E820_ENTRY_SIZE
