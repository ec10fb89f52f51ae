/*
 * Size-class ("slab") heap. Each heap page holds objects of one size, a
 * power of two from 16 to 2048 bytes, or one big object; a header at the
 * start of the page says which. kfree finds the header by rounding the
 * pointer down to its page.
 *
 * A page whose last object is freed goes straight back to the frame
 * allocator, so the heap keeps no slack: freemem returns exactly to where
 * it was once every object is freed (the leak tests depend on this).
 */
#include "mm/kheap.h"

#include <stdint.h>

#include "core/panic.h"
#include "core/spinlock.h"
#include "lib/string.h"
#include "mm/frame.h"

#define SLAB_MAGIC  0x51AB51ABu
/* The header, rounded up to keep objects 16-byte aligned (64 on a 64-bit
 * host, where the unit tests run). */
#define HEADER_SIZE (sizeof(void *) == 4 ? 32 : 64)
#define MIN_SHIFT   4           /* 16 bytes */
#define NCLASSES    8           /* 16 .. 2048 */
#define BIG         0           /* size field of a one-object page */

struct free_obj {
    struct free_obj *next;
};

struct slab {
    uint32_t magic;
    uint32_t size;              /* object size, or BIG */
    uint32_t inuse;             /* objects handed out */
    struct free_obj *free;      /* free objects in this page */
    struct slab *next, *prev;   /* the class's pages that have free objects */
};

/* Guarded by heap_lock. */
static struct spinlock heap_lock = SPINLOCK_INIT("kheap", LOCK_RANK_KHEAP);
static struct slab *partial[NCLASSES];  /* pages with at least one free object */
static size_t bytes_in_use;

_Static_assert(sizeof(struct slab) <= HEADER_SIZE, "slab header too big");

static int size_class(size_t n)
{
    int c = 0;
    while (((size_t)1 << (c + MIN_SHIFT)) < n)
        c++;
    return c;
}

static struct slab *slab_of(void *p)
{
    struct slab *s = (struct slab *)((uintptr_t)p & ~(uintptr_t)(FRAME_SIZE - 1));
    if (s->magic != SLAB_MAGIC)
        panic("kfree: %p is not a kmalloc pointer (or the heap is corrupt)", p);
    return s;
}

static void list_remove(struct slab **head, struct slab *s)
{
    if (s->prev)
        s->prev->next = s->next;
    else
        *head = s->next;
    if (s->next)
        s->next->prev = s->prev;
    s->next = s->prev = 0;
}

static void list_push(struct slab **head, struct slab *s)
{
    s->prev = 0;
    s->next = *head;
    if (*head)
        (*head)->prev = s;
    *head = s;
}

static struct slab *new_slab(uint32_t size)
{
    uint32_t pa = frame_alloc();
    if (!pa)
        return 0;
    struct slab *s = (struct slab *)FRAME_PTR(pa);
    *s = (struct slab){ .magic = SLAB_MAGIC, .size = size };
    if (size == BIG)
        return s;
    for (uint32_t off = FRAME_SIZE - size; off >= HEADER_SIZE; off -= size) {
        struct free_obj *o = (struct free_obj *)((char *)s + off);
        o->next = s->free;
        s->free = o;
    }
    return s;
}

static void *alloc_small(int c)
{
    struct slab *s = partial[c];
    if (!s) {
        s = new_slab(1u << (c + MIN_SHIFT));
        if (!s)
            return 0;
        list_push(&partial[c], s);
    }
    struct free_obj *o = s->free;
    s->free = o->next;
    s->inuse++;
    if (!s->free)
        list_remove(&partial[c], s);
    bytes_in_use += s->size;
    return o;
}

void *kmalloc(size_t n)
{
    if (n > KHEAP_MAX)
        return 0;
    void *p = 0;
    spin_lock(&heap_lock);
    int c = size_class(n ? n : 1);
    if (c < NCLASSES) {
        p = alloc_small(c);
    } else {
        struct slab *s = new_slab(BIG);
        if (s) {
            s->inuse = 1;
            bytes_in_use += FRAME_SIZE - HEADER_SIZE;
            p = (char *)s + HEADER_SIZE;
        }
    }
    spin_unlock(&heap_lock);
    return p;
}

void *kzalloc(size_t n)
{
    void *p = kmalloc(n);
    if (p)
        memset(p, 0, n);
    return p;
}

static void release_page(struct slab *s)
{
    s->magic = 0;
    frame_free(V2P_FRAME(s));
}

void kfree(void *p)
{
    if (!p)
        return;
    spin_lock(&heap_lock);
    struct slab *s = slab_of(p);
    if (s->size == BIG) {
        bytes_in_use -= FRAME_SIZE - HEADER_SIZE;
        release_page(s);
        spin_unlock(&heap_lock);
        return;
    }
    int c = size_class(s->size);
    ASSERT((FRAME_SIZE - ((uintptr_t)p - (uintptr_t)s)) % s->size == 0 && s->inuse > 0);
    struct free_obj *o = p;
    bool was_full = !s->free;
    o->next = s->free;
    s->free = o;
    s->inuse--;
    bytes_in_use -= s->size;
    if (s->inuse == 0) {
        if (!was_full)
            list_remove(&partial[c], s);
        release_page(s);
    } else if (was_full) {
        list_push(&partial[c], s);
    }
    spin_unlock(&heap_lock);
}

size_t kheap_bytes_in_use(void)
{
    return bytes_in_use;
}
