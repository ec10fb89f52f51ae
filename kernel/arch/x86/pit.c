/*
 * The 8253/8254 programmable interval timer, channel 0, as the periodic
 * clock: it divides its 1.193182 MHz input by a 16-bit divisor and raises
 * IRQ 0 each time the count runs out. Each interrupt is one tick for
 * core/clock.c.
 */
#include "arch/arch.h"
#include "arch/x86/trap.h"
#include "arch/x86/x86.h"
#include "core/clock.h"
#include "core/panic.h"

#define PIT_HZ       1193182u
#define PIT_CHANNEL0 0x40
#define PIT_MODE     0x43
#define PIT_RATEGEN  0x34       /* channel 0, lo/hi byte, mode 2, binary */
#define IRQ_TIMER    0

static void timer_interrupt(struct trapframe *tf)
{
    clock_tick(tf);
}

void arch_init_timer(unsigned hz)
{
    ASSERT(hz >= 19 && hz <= 10000);    /* the divisor must fit 16 bits */
    uint32_t divisor = (PIT_HZ + hz / 2) / hz;
    outb(PIT_MODE, PIT_RATEGEN);
    outb(PIT_CHANNEL0, divisor & 0xFF);
    outb(PIT_CHANNEL0, divisor >> 8);
    irq_register(IRQ_TIMER, timer_interrupt, "timer");
}
