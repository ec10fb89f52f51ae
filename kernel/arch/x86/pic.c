/*
 * 8259A programming (ICW1-ICW4), from the Intel 8259A datasheet. The
 * BIOS leaves IRQ 0-7 on vectors 8-15, where they collide with CPU
 * exceptions; we move them to T_IRQ0 (32) and up.
 */
#include "arch/x86/pic.h"

#include <stdint.h>

#include "arch/x86/trap.h"
#include "arch/x86/x86.h"

#define PIC1_CMD    0x20
#define PIC1_DATA   0x21
#define PIC2_CMD    0xA0
#define PIC2_DATA   0xA1
#define ICW1_INIT   0x11        /* edge-triggered, cascade, ICW4 follows */
#define ICW4_8086   0x01
#define OCW2_EOI    0x20
#define OCW3_READ_ISR 0x0B
#define IRQ_CASCADE 2

static uint16_t mask = 0xFFFF & ~(1u << IRQ_CASCADE);  /* 1 = masked */

static void write_mask(void)
{
    outb(PIC1_DATA, (uint8_t)mask);
    outb(PIC2_DATA, (uint8_t)(mask >> 8));
}

void pic_init(void)
{
    outb(PIC1_DATA, 0xFF);
    outb(PIC2_DATA, 0xFF);
    outb(PIC1_CMD, ICW1_INIT);
    outb(PIC2_CMD, ICW1_INIT);
    outb(PIC1_DATA, T_IRQ0);            /* ICW2: vector base */
    outb(PIC2_DATA, T_IRQ0 + 8);
    outb(PIC1_DATA, 1u << IRQ_CASCADE); /* ICW3: slave on IRQ 2 */
    outb(PIC2_DATA, IRQ_CASCADE);       /*       slave's cascade identity */
    outb(PIC1_DATA, ICW4_8086);
    outb(PIC2_DATA, ICW4_8086);
    write_mask();
}

/* Masks every line for good: the I/O APIC takes over. The 8259 stays
 * remapped, so a spurious interrupt it might still raise lands on an IRQ
 * vector instead of a CPU exception's. */
void pic_disable(void)
{
    mask = 0xFFFF;
    write_mask();
}

void pic_unmask(int irq)
{
    mask &= (uint16_t)~(1u << irq);
    write_mask();
}

void pic_eoi(int irq)
{
    if (irq >= 8)
        outb(PIC2_CMD, OCW2_EOI);
    outb(PIC1_CMD, OCW2_EOI);
}

bool pic_spurious(int irq)
{
    if (irq != 7 && irq != 15)
        return false;
    uint16_t cmd = irq == 7 ? PIC1_CMD : PIC2_CMD;
    outb(cmd, OCW3_READ_ISR);
    if (inb(cmd) & 0x80)
        return false;               /* really in service */
    if (irq == 15)
        outb(PIC1_CMD, OCW2_EOI);   /* the master did see the cascade */
    return true;
}
