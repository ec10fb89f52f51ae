/*
 * Which controller delivers the device interrupts (IRQ 0-15): the 8259
 * pair, or the I/O APIC and local APIC when the firmware describes them
 * (arch/x86/smp.c decides at boot). trap.c asks here, never the chips.
 */
#ifndef ARCH_X86_IRQCHIP_H
#define ARCH_X86_IRQCHIP_H

#include <stdbool.h>

/* From now on IRQs go through the I/O APIC to the boot CPU. */
void irqchip_use_apic(int boot_apic_id);
bool irqchip_apic(void);
/* Lets ISA IRQ irq through, as vector T_IRQ0 + irq. */
void irqchip_unmask(int irq);
/* True for an interrupt that no device raised (it gets no EOI). */
bool irqchip_spurious(int irq);
void irqchip_eoi(int irq);

#endif
