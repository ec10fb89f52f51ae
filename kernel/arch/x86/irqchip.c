/* The 8259 or the APICs: one switch, so the rest of the kernel has one path. */
#include "arch/x86/irqchip.h"

#include "arch/x86/ioapic.h"
#include "arch/x86/lapic.h"
#include "arch/x86/pic.h"
#include "arch/x86/trap.h"

static bool use_apic;           /* set once at boot, before any IRQ is unmasked */
static int irq_apic_id;         /* the CPU that takes every device IRQ */

void irqchip_use_apic(int boot_apic_id)
{
    pic_disable();
    use_apic = true;
    irq_apic_id = boot_apic_id;
}

bool irqchip_apic(void)
{
    return use_apic;
}

void irqchip_unmask(int irq)
{
    if (use_apic)
        ioapic_route_isa(irq, T_IRQ0 + irq, irq_apic_id);
    else
        pic_unmask(irq);
}

bool irqchip_spurious(int irq)
{
    return use_apic ? false : pic_spurious(irq);
}

void irqchip_eoi(int irq)
{
    if (use_apic)
        lapic_eoi();
    else
        pic_eoi(irq);
}
