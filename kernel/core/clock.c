/* Tick counting. */
#include "core/clock.h"

/* Written only by the timer interrupt; a 32-bit read is atomic on x86. */
static volatile uint32_t ticks;

void clock_tick(struct trapframe *tf)
{
    (void)tf;
    ticks++;
}

uint32_t clock_ticks(void)
{
    return ticks;
}
