/*
 * COM1 at 115200 8N1. Output polls the transmitter-empty bit (simple and
 * never lost, even in a panic); input arrives on IRQ 4 and goes to the
 * console's input side. Register offsets are the 16550's.
 */
#include "dev/serial.h"

#include "arch/x86/trap.h"
#include "arch/x86/x86.h"
#include "core/spinlock.h"
#include "dev/console.h"

#define COM1        0x3F8
#define COM2        0x2F8
#define REG_DATA    0       /* receive / transmit buffer (DLAB=0) */
#define REG_IER     1       /* interrupt enable (DLAB=0) */
#define REG_FCR     2       /* FIFO control */
#define REG_LCR     3       /* line control */
#define REG_MCR     4       /* modem control */
#define REG_LSR     5       /* line status */
#define LSR_RX_READY 0x01
#define LSR_TX_EMPTY 0x20
#define IRQ_COM1    4

static bool present, com2_present;
/* Input waits in the UART for console room. The COM1 handler (on the
 * CPU the I/O APIC sends IRQ 4 to) decides to hold it; a reader on any
 * CPU that made room releases it. rx_lock makes "no room, so hold"
 * one step: a reader's release comes either before the room check (which
 * then sees the room) or after the hold (and undoes it), never between,
 * where it would be lost and input stay held with nobody to release it. */
static struct spinlock rx_lock = SPINLOCK_INIT("serial input", LOCK_RANK_SERIAL_INPUT);
static bool held;               /* rx_lock */

/* Programs a UART; returns whether one answers at that port. */
static bool uart_init(uint16_t port)
{
    outb(port + REG_IER, 0x00);
    outb(port + REG_LCR, 0x80);         /* DLAB: next two set the divisor */
    outb(port + REG_DATA, 1);           /* 115200 / 1 */
    outb(port + REG_IER, 0);
    outb(port + REG_LCR, 0x03);         /* 8 bits, no parity, 1 stop bit */
    outb(port + REG_FCR, 0xC7);         /* FIFOs on and cleared */
    outb(port + REG_MCR, 0x0B);         /* DTR, RTS, OUT2 (IRQ line on) */
    return inb(port + REG_LSR) != 0xFF; /* 0xFF: no UART there */
}

static void uart_putc(uint16_t port, char c)
{
    /* Terminals want CR LF; QEMU's -nographic terminal is in raw mode. */
    if (c == '\n')
        uart_putc(port, '\r');
    for (int spin = 0; spin < 100000 && !(inb(port + REG_LSR) & LSR_TX_EMPTY); spin++)
        ;
    outb(port + REG_DATA, (uint8_t)c);
}

void serial_init(void)
{
    present = uart_init(COM1);
}

void serial_putc(char c)
{
    if (present)
        uart_putc(COM1, c);
}

bool serial_com2_init(void)
{
    if (!com2_present)
        com2_present = uart_init(COM2);
    return com2_present;
}

void serial_com2_putc(char c)
{
    if (com2_present)
        uart_putc(COM2, c);
}

/* The next byte the UART has for the console, or -1: none, or no room.
 * Without room, bytes stay in the UART (input held until
 * serial_input_resume): its FIFO fills, and then the other end (QEMU, a
 * terminal) holds its input back. */
static int take_byte(void)
{
    int c = -1;
    spin_lock(&rx_lock);
    if (inb(COM1 + REG_LSR) & LSR_RX_READY) {
        if (console_input_room()) {
            c = inb(COM1 + REG_DATA);
        } else {
            held = true;
            outb(COM1 + REG_IER, 0x00);     /* until serial_input_resume */
        }
    }
    spin_unlock(&rx_lock);
    return c;
}

static void serial_interrupt(struct trapframe *tf)
{
    (void)tf;
    int b;
    while ((b = take_byte()) >= 0) {
        char c = (char)b;
        if (c == '\r')
            c = '\n';
        else if (c == 0x7F)             /* terminals send DEL for backspace */
            c = '\b';
        console_input(c);
    }
}

void serial_input_resume(void)
{
    spin_lock(&rx_lock);
    if (held) {
        held = false;
        outb(COM1 + REG_IER, 0x01);     /* interrupts at once if data waits */
    }
    spin_unlock(&rx_lock);
}

void serial_enable_input(void)
{
    if (!present)
        return;
    irq_register(IRQ_COM1, serial_interrupt, "COM1 serial");
    outb(COM1 + REG_IER, 0x01);         /* interrupt on received data */
}
