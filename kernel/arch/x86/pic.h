/* The two cascaded 8259A interrupt controllers of the PC. */
#ifndef ARCH_X86_PIC_H
#define ARCH_X86_PIC_H

#include <stdbool.h>

/* Remaps IRQ 0-15 to vectors T_IRQ0.., all masked but the cascade. */
void pic_init(void);
void pic_unmask(int irq);
/* Masks every line (the I/O APIC delivers the IRQs instead). */
void pic_disable(void);
void pic_eoi(int irq);
/* True for a spurious IRQ 7/15 (no EOI must be sent for the line). */
bool pic_spurious(int irq);

#endif
