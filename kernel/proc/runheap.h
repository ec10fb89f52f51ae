/*
 * A run heap: the ready processes ordered by a 64-bit key, smallest first
 * (ties: first come, first served, as on a FIFO queue), for policies that always run the process that is
 * furthest behind: stride (its pass) and cfs (its virtual runtime).
 * A binary min-heap in an array of NPROC slots: push, pop and remove are
 * O(log n), min is O(1); each process remembers its slot in
 * p->sched.heap_index (-1 when it is on no heap) and when it arrived in
 * p->sched.heap_seq.
 */
#ifndef PROC_RUNHEAP_H
#define PROC_RUNHEAP_H

#include <stdbool.h>
#include <stdint.h>

#include "proc/proc.h"

struct runheap {
    struct proc *slot[NPROC];
    int n;
    uint32_t seq;                       /* arrivals so far */
    uint64_t (*key)(const struct proc *p);
};

void runheap_init(struct runheap *h, uint64_t (*key)(const struct proc *p));
void runheap_push(struct runheap *h, struct proc *p);
void runheap_remove(struct runheap *h, struct proc *p);
struct proc *runheap_pop(struct runheap *h);            /* NULL when empty */

static inline struct proc *runheap_min(const struct runheap *h)
{
    return h->n ? h->slot[0] : 0;
}

static inline bool runheap_empty(const struct runheap *h)
{
    return h->n == 0;
}

#endif
