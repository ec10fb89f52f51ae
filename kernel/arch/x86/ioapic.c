/*
 * I/O APIC programming (Intel 82093AA datasheet): two registers, an index
 * (IOREGSEL) and a window (IOWIN) onto 32-bit registers. Register 1 holds
 * the number of pins; pin n's redirection entry is the 64-bit pair at
 * 0x10 + 2n: vector, delivery mode, polarity, trigger, mask (low half)
 * and destination APIC id (bits 24-31 of the high half).
 */
#include "arch/x86/ioapic.h"

#include "arch/x86/paging.h"
#include "core/kprintf.h"
#include "core/panic.h"

#define IOREGSEL     0x00
#define IOWIN        0x10
#define REG_VERSION  0x01       /* bits 16-23: the last pin's number */
#define REG_REDIR    0x10

#define REDIR_ACTIVE_LOW 0x2000
#define REDIR_LEVEL      0x8000
#define REDIR_MASKED     0x10000

#define ISA_IRQS 16

static volatile uint8_t *base;
static uint32_t first_gsi;
static uint32_t npins;
/* Where each ISA IRQ arrives; written at boot only. */
static struct { uint32_t gsi; uint16_t flags; } isa[ISA_IRQS];

static uint32_t rd(uint32_t reg)
{
    *(volatile uint32_t *)(base + IOREGSEL) = reg;
    return *(volatile uint32_t *)(base + IOWIN);
}

static void wr(uint32_t reg, uint32_t v)
{
    *(volatile uint32_t *)(base + IOREGSEL) = reg;
    *(volatile uint32_t *)(base + IOWIN) = v;
}

void ioapic_init(uint32_t phys, uint32_t gsi_base)
{
    base = paging_map_device(phys);
    ASSERT(base);
    first_gsi = gsi_base;
    npins = ((rd(REG_VERSION) >> 16) & 0xFF) + 1;
    for (uint32_t pin = 0; pin < npins; pin++) {
        wr(REG_REDIR + 2 * pin, REDIR_MASKED);
        wr(REG_REDIR + 2 * pin + 1, 0);
    }
    for (int irq = 0; irq < ISA_IRQS; irq++)
        isa[irq].gsi = (uint32_t)irq;   /* identity unless overridden */
}

void ioapic_set_isa(int irq, uint32_t gsi, uint16_t flags)
{
    if (irq >= 0 && irq < ISA_IRQS)
        isa[irq] = (typeof(isa[0])){ gsi, flags };
}

/* ISA lines are edge-triggered and active high unless the flags say
 * otherwise ("conforms to the bus" is 0). */
void ioapic_route_isa(int irq, int vector, int apic_id)
{
    ASSERT(base && irq >= 0 && irq < ISA_IRQS);
    uint32_t pin = isa[irq].gsi - first_gsi;
    if (isa[irq].gsi < first_gsi || pin >= npins)
        panic("ioapic: ISA IRQ %d is on GSI %u, which this I/O APIC lacks", irq, isa[irq].gsi);
    uint32_t lo = (uint32_t)vector;
    if ((isa[irq].flags & INTI_POLARITY_MASK) == INTI_ACTIVE_LOW)
        lo |= REDIR_ACTIVE_LOW;
    if ((isa[irq].flags & INTI_TRIGGER_MASK) == INTI_LEVEL)
        lo |= REDIR_LEVEL;
    wr(REG_REDIR + 2 * pin + 1, (uint32_t)apic_id << 24);
    wr(REG_REDIR + 2 * pin, lo);
}

void ioapic_print_overrides(void)
{
    for (int irq = 0; irq < ISA_IRQS; irq++)
        if (isa[irq].gsi != (uint32_t)irq)
            kprintf("smp: ISA IRQ %d arrives on GSI %u\n", irq, isa[irq].gsi);
}
