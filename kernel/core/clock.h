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
uint32_t clock_ticks(void);                 /* ticks since the timer started */

#endif
