/*
 * COM1 at 115200 8N1. Output polls the transmitter-empty bit (simple and
 * never lost, even in a panic); input arrives on IRQ 4 and goes to the
 * console's input side. Register offsets are the 16550's.
 */
#include "dev/serial.h"

#include "arch/x86/trap.h"
#include "arch/x86/x86.h"
#include "dev/console.h"

#define COM1        0x3F8
#define REG_DATA    0       /* receive / transmit buffer (DLAB=0) */
#define REG_IER     1       /* interrupt enable (DLAB=0) */
#define REG_FCR     2       /* FIFO control */
#define REG_LCR     3       /* line control */
#define REG_MCR     4       /* modem control */
#define REG_LSR     5       /* line status */
#define LSR_RX_READY 0x01
#define LSR_TX_EMPTY 0x20
#define IRQ_COM1    4

static int present;

void serial_init(void)
{
    outb(COM1 + REG_IER, 0x00);
    outb(COM1 + REG_LCR, 0x80);         /* DLAB: next two set the divisor */
    outb(COM1 + REG_DATA, 1);           /* 115200 / 1 */
    outb(COM1 + REG_IER, 0);
    outb(COM1 + REG_LCR, 0x03);         /* 8 bits, no parity, 1 stop bit */
    outb(COM1 + REG_FCR, 0xC7);         /* FIFOs on and cleared */
    outb(COM1 + REG_MCR, 0x0B);         /* DTR, RTS, OUT2 (IRQ line on) */
    present = inb(COM1 + REG_LSR) != 0xFF;  /* 0xFF: no UART there */
}

void serial_putc(char c)
{
    if (!present)
        return;
    /* Terminals want CR LF; QEMU's -nographic terminal is in raw mode. */
    if (c == '\n')
        serial_putc('\r');
    for (int spin = 0; spin < 100000 && !(inb(COM1 + REG_LSR) & LSR_TX_EMPTY); spin++)
        ;
    outb(COM1 + REG_DATA, (uint8_t)c);
}

static void serial_interrupt(struct trapframe *tf)
{
    (void)tf;
    while (inb(COM1 + REG_LSR) & LSR_RX_READY) {
        char c = (char)inb(COM1 + REG_DATA);
        if (c == '\r')
            c = '\n';
        else if (c == 0x7F)             /* terminals send DEL for backspace */
            c = '\b';
        console_input(c);
    }
}

void serial_enable_input(void)
{
    if (!present)
        return;
    irq_register(IRQ_COM1, serial_interrupt, "COM1 serial");
    outb(COM1 + REG_IER, 0x01);         /* interrupt on received data */
}
