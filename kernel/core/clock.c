/* Tick counting. */
#include "core/clock.h"

#include "proc/sched.h"

volatile uint32_t clock_tick_count;

void clock_tick(struct trapframe *tf)
{
    (void)tf;
    clock_tick_count++;
    sched_clock_tick();
}
