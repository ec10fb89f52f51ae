/*
 * The clock: a tick every 1/HZ s from the timer interrupt (HZ is a build
 * option, default 100, so a tick is 10 ms). The scheduler hangs
 * preemption and timed sleeps off clock_tick() (sched_clock_tick).
 */
#ifndef CORE_CLOCK_H
#define CORE_CLOCK_H

#include <stdint.h>

#ifndef HZ
#define HZ 100
#endif

struct trapframe;

void clock_tick(struct trapframe *tf);     /* from the timer interrupt */

/* Written only by the timer interrupt, on the boot CPU; a 32-bit read is
 * atomic on x86. Read it through clock_ticks(). */
extern volatile uint32_t clock_tick_count;

/* Ticks since the timer started. Inline: the scheduler reads it at
 * every switch (the trace's time stamp). */
static inline uint32_t clock_ticks(void)
{
    return clock_tick_count;
}

#endif
