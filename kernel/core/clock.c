/* Tick counting. */
#include "core/clock.h"

#include "proc/sched.h"

/* Written only by the timer interrupt; a 32-bit read is atomic on x86. */
static volatile uint32_t ticks;

void clock_tick(struct trapframe *tf)
{
    (void)tf;
    ticks++;
    sched_clock_tick();
}

uint32_t clock_ticks(void)
{
    return ticks;
}
