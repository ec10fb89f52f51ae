/*
 * The master boot record: sector 0 of the disk, 512 bytes.
 *
 * The BIOS reads this sector to 0x7C00 and jumps to it in 16-bit real mode
 * with DL = the BIOS drive number it booted from (0x80: first hard disk).
 * Its only job: read stage 2 (sectors 1..n; n is the 16-bit count that
 * tools/mkimage.py stores at offset MBR_STAGE2_SECTORS) to STAGE2_ADDR with
 * the BIOS's int 0x13 extended read, check stage 2's signature, and jump to
 * it. Every message goes to the screen and to COM1, since tests and
 * `make qemu-nox` only see the serial port.
 */
#include "layout.h"

#define COM1 0x3F8

    .code16
    .text
    .globl _start
_start:
    cli
    xorw %ax, %ax               /* DS = SS = 0: addresses are physical */
    movw %ax, %ds
    movw %ax, %ss
    movw $VGA_TEXT >> 4, %ax    /* ES: the text screen, for putc */
    movw %ax, %es
    movw $STACK_TOP, %sp        /* the stack grows down, away from us */
    ljmp $0, $cs_is_zero        /* some BIOSes jump to 07C0:0000, not 0000:7C00 */
cs_is_zero:
    sti
    cld
    movb %dl, boot_drive

    call serial_init
    movw $msg_hello, %si
    call print

    /* Extended (LBA) reads exist? int 0x13 AH=0x41 BX=0x55AA answers
     * CF clear, BX=0xAA55, and CX bit 0 set (the packet functions,
     * AH=0x42 among them) when they do. */
    movb $0x41, %ah
    movw $0x55AA, %bx
    movb boot_drive, %dl
    int $0x13
    jc no_extensions
    cmpw $0xAA55, %bx
    jne no_extensions
    testb $1, %cl
    jz no_extensions

    /* 1 .. STAGE2_MAX_SECTORS sectors, or mkimage.py did not run. */
    movw stage2_sectors, %cx
    jcxz bad_count
    cmpw $STAGE2_MAX_SECTORS, %cx
    ja bad_count

    /* int 0x13 AH=0x42: DL = drive, DS:SI = the disk address packet. */
    movw %cx, dap_count
    movw $dap, %si
    movb $0x42, %ah
    movb boot_drive, %dl
    int $0x13
    jc read_error

    cmpl $STAGE2_MAGIC, STAGE2_ADDR
    jne bad_signature

    /* Stage 2 gets DL = drive and CX = its size in sectors (so it knows
     * the boot configuration is the next sector). */
    movb boot_drive, %dl
    movw stage2_sectors, %cx
    ljmp $0, $STAGE2_ENTRY

no_extensions:
    movw $msg_no_ext, %si
    jmp fail
bad_count:
    movw $msg_count, %si
    jmp fail
read_error:
    movw $msg_read, %si
    jmp fail
bad_signature:
    movw $msg_signature, %si
fail:                           /* "boot: error: " + SI + newline */
    pushw %si
    movw $msg_error, %si
    call print
    popw %si
    call print
    movw $msg_newline, %si
    call print
halt:                           /* a message, then stop: never reboot */
    cli
    hlt
    jmp halt

/* COM1 at 115200 baud, 8N1: (port offset, value) pairs, see serial_init. */
uart_setup:
    .byte 1, 0x00               /* interrupts off */
    .byte 3, 0x80               /* DLAB = 1: ports 0/1 are the divisor */
    .byte 0, 0x01               /* divisor 1 = 115200 baud */
    .byte 1, 0x00
    .byte 3, 0x03               /* DLAB = 0, 8 data bits, no parity, 1 stop */
    .byte 2, 0xC7               /* FIFOs on and cleared */
    .byte 4, 0x03               /* DTR, RTS */
uart_setup_end:

serial_init:
    movw $uart_setup, %si
    movw $(uart_setup_end - uart_setup) / 2, %cx
1:  lodsw                       /* AL = port offset, AH = value */
    movw $COM1, %dx
    addb %al, %dl
    movb %ah, %al
    outb %al, %dx
    loop 1b
    ret

/* print: the NUL-terminated string at DS:SI. */
print:
    lodsb
    testb %al, %al
    jz 2f
    call putc
    jmp print
2:  ret

/*
 * putc: AL to COM1 (once its transmitter is empty) and to the text
 * screen at the BIOS's cursor (BDA 0x450: column, row), written straight
 * into VGA memory through ES = 0xB800. Not the BIOS's int 0x10 teletype:
 * under -nographic SeaBIOS copies that to COM1 too, and the two copies
 * would interleave. Handles '\r' and '\n'; our lines are short, no wrap.
 * Clobbers AX, BX, DX, DI.
 */
putc:
    movb %al, %bl
    movw $COM1 + 5, %dx         /* line status register */
1:  inb %dx, %al
    testb $0x20, %al            /* transmit holding register empty? */
    jz 1b                       /* (no UART reads 0xFF: no hang) */
    movb %bl, %al
    movw $COM1, %dx
    outb %al, %dx
    movw BDA_CURSOR, %dx        /* DL = column, DH = row */
    cmpb $'\n', %al
    je 2f
    cmpb $'\r', %al
    je 3f
    movb $80, %al               /* cell = row * 80 + column, 2 bytes each */
    mulb %dh
    addb %dl, %al
    adcb $0, %ah
    shlw $1, %ax
    movw %ax, %di
    movb %bl, %al
    movb $0x07, %ah             /* grey on black */
    stosw                       /* to ES:DI */
    incb %dl
    jmp 4f
2:  incb %dh
    jmp 4f
3:  movb $0, %dl
4:  movw %dx, BDA_CURSOR
    ret

/* The disk address packet for int 0x13 AH=0x42. */
    .p2align 2
dap:
    .byte 16                    /* packet size */
    .byte 0
dap_count:
    .word 0                     /* sectors to read */
    .word STAGE2_ADDR, 0        /* buffer offset, segment */
    .long 1, 0                  /* first LBA (64 bits): stage 2 follows the MBR */

boot_drive:
    .byte 0

msg_hello:      .asciz "boot: MBR: loading stage 2\r\n"
msg_error:      .asciz "boot: error: "
msg_no_ext:     .asciz "no int 13h extensions"
msg_count:      .asciz "bad stage 2 sector count in the MBR"
msg_read:       .asciz "disk read error loading stage 2"
msg_signature:  .asciz "no stage 2 signature"
msg_newline:    .asciz "\r\n"

    .org MBR_STAGE2_SECTORS
stage2_sectors:
    .word 0                     /* filled in by tools/mkimage.py */
    .org MBR_SIGNATURE
    .byte 0x55, 0xAA
