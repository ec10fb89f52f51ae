/*
 * The I/O APIC: routes device interrupt lines (global system interrupts,
 * GSIs) to a vector on a CPU. It replaces the 8259 pair once the MADT or
 * MP table says where it is; the ISA IRQ lines reach it on the pin of the
 * same number unless the firmware lists an override (on QEMU the PIT's
 * IRQ 0 arrives on GSI 2).
 */
#ifndef ARCH_X86_IOAPIC_H
#define ARCH_X86_IOAPIC_H

#include <stdbool.h>
#include <stdint.h>

/* MPS INTI flags (the MADT's overrides and the MP table's entries). */
#define INTI_POLARITY_MASK 0x3
#define INTI_ACTIVE_LOW    0x3
#define INTI_TRIGGER_MASK  0xC
#define INTI_LEVEL         0xC

/* Maps the I/O APIC whose first pin is GSI gsi_base; masks every pin. */
void ioapic_init(uint32_t phys, uint32_t gsi_base);
/* ISA IRQ irq arrives on GSI gsi with these INTI flags (an override). */
void ioapic_set_isa(int irq, uint32_t gsi, uint16_t flags);
/* Unmasks ISA IRQ irq, delivered as vector to the CPU with apic_id. */
void ioapic_route_isa(int irq, int vector, int apic_id);
/* "ISA IRQ 0 -> GSI 2" etc. for the boot log. */
void ioapic_print_overrides(void);

#endif
