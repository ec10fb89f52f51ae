/*
 * The PIT's channel 2 as a stopwatch (pit.c): one interval, timed by
 * polling, with no interrupt, so that a late interrupt cannot stretch it.
 */
#ifndef ARCH_X86_PIT_H
#define ARCH_X86_PIT_H

#include <stdbool.h>

/* Starts an interval of `us` microseconds (at most 54,000). */
void pit_oneshot_start(unsigned us);
/* Has it ended? */
bool pit_oneshot_done(void);

#endif
