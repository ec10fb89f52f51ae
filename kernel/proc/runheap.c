/* The run heap; see runheap.h. slot[i]'s children are slot[2i+1], slot[2i+2]. */
#include "proc/runheap.h"

#include "core/panic.h"

void runheap_init(struct runheap *h, uint64_t (*key)(const struct proc *p))
{
    h->n = 0;
    h->seq = 0;
    h->key = key;
}

/* Does a run before b? */
static bool before(const struct runheap *h, const struct proc *a, const struct proc *b)
{
    uint64_t ka = h->key(a), kb = h->key(b);
    return ka < kb || (ka == kb && (int32_t)(a->sched.heap_seq - b->sched.heap_seq) < 0);
}

static void put(struct runheap *h, int i, struct proc *p)
{
    h->slot[i] = p;
    p->sched.heap_index = i;
}

static void sift_up(struct runheap *h, int i)
{
    struct proc *p = h->slot[i];
    while (i > 0 && before(h, p, h->slot[(i - 1) / 2])) {
        put(h, i, h->slot[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    put(h, i, p);
}

static void sift_down(struct runheap *h, int i)
{
    struct proc *p = h->slot[i];
    for (;;) {
        int c = 2 * i + 1;
        if (c >= h->n)
            break;
        if (c + 1 < h->n && before(h, h->slot[c + 1], h->slot[c]))
            c++;
        if (!before(h, h->slot[c], p))
            break;
        put(h, i, h->slot[c]);
        i = c;
    }
    put(h, i, p);
}

void runheap_push(struct runheap *h, struct proc *p)
{
    ASSERT(h->n < NPROC && p->sched.heap_index < 0);
    p->sched.heap_seq = h->seq++;
    put(h, h->n++, p);
    sift_up(h, h->n - 1);
}

void runheap_remove(struct runheap *h, struct proc *p)
{
    int i = p->sched.heap_index;
    ASSERT(i >= 0 && i < h->n && h->slot[i] == p);
    p->sched.heap_index = -1;
    struct proc *last = h->slot[--h->n];
    if (i == h->n)
        return;                         /* it was the last slot */
    put(h, i, last);
    sift_up(h, i);
    sift_down(h, last->sched.heap_index);
}

struct proc *runheap_pop(struct runheap *h)
{
    struct proc *p = runheap_min(h);
    if (p)
        runheap_remove(h, p);
    return p;
}
