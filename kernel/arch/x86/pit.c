/*
 * The 8253/8254 programmable interval timer, channel 0, as the periodic
 * clock: it divides its 1.193182 MHz input by a 16-bit divisor and raises
 * IRQ 0 each time the count runs out. Each interrupt is one tick for
 * core/clock.c. Channel 2 (the PC speaker's, its output readable at port
 * 0x61) times one short interval by polling, with no interrupt: smp.c
 * measures the local APIC timer with it.
 */
#include "arch/arch.h"
#include "arch/x86/trap.h"
#include "arch/x86/x86.h"
#include "core/clock.h"
#include "arch/x86/pit.h"
#include "core/panic.h"

#define PIT_HZ       1193182u
#define PIT_CHANNEL0 0x40
#define PIT_MODE     0x43
#define PIT_RATEGEN  0x34       /* channel 0, lo/hi byte, mode 2, binary */
#define IRQ_TIMER    0
#define PIT_CHANNEL2 0x42
#define PIT_ONESHOT2 0xB0       /* channel 2, lo/hi byte, mode 0 (out rises at the end) */
#define PORT_B       0x61       /* bit 0: channel 2's gate; 1: speaker; 5: channel 2's out */
#define PORTB_GATE2  0x01
#define PORTB_SPEAKER 0x02
#define PORTB_OUT2   0x20

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

void pit_oneshot_start(unsigned us)
{
    uint32_t count = (uint32_t)((uint64_t)PIT_HZ * us / 1000000);
    ASSERT(count > 0 && count <= 0xFFFF);
    outb(PORT_B, (uint8_t)((inb(PORT_B) & ~PORTB_SPEAKER) | PORTB_GATE2));
    outb(PIT_MODE, PIT_ONESHOT2);
    outb(PIT_CHANNEL2, count & 0xFF);
    outb(PIT_CHANNEL2, (uint8_t)(count >> 8));      /* counting starts here */
}

bool pit_oneshot_done(void)
{
    return inb(PORT_B) & PORTB_OUT2;
}
