/*
 * The kernel heap: kmalloc/kfree for variable-sized kernel objects of up
 * to KHEAP_MAX bytes. Larger or page-sized things (kernel stacks, page
 * tables) come from the frame allocator directly.
 */
#ifndef MM_KHEAP_H
#define MM_KHEAP_H

#include <stddef.h>

#define KHEAP_MAX 4032          /* a page less its header (and then some) */

/* 16-byte aligned memory, or NULL when out of memory or n > KHEAP_MAX. */
void *kmalloc(size_t n);
/* Also zeroed. */
void *kzalloc(size_t n);
void kfree(void *p);
/* Bytes currently handed out (for leak tests). */
size_t kheap_bytes_in_use(void);

#endif
