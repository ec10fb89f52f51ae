/*
 * The physical frame allocator: hands out 4 KiB frames of RAM.
 *
 * Free frames form a singly linked list threaded through the frames
 * themselves (the first word of a free frame holds the next one's
 * address), so allocation and freeing are O(1) and cost no memory.
 * frame_count_free() is exact at every moment: sysinfo's freemem.
 *
 * Each frame also has a reference count, for frames shared between
 * address spaces (copy-on-write fork): frame_alloc returns a frame with
 * one reference, frame_get adds one, frame_put drops one and frees the
 * frame with the last.
 */
#ifndef MM_FRAME_H
#define MM_FRAME_H

#include <stdint.h>

#include "core/bootinfo.h"

#define FRAME_SIZE 4096u

/* How the allocator reaches a frame's memory (through the direct map);
 * host unit tests supply a fake physical memory instead. */
#ifdef HOST_TEST
uint32_t *host_frame_ptr(uint32_t pa);
uint32_t host_v2p(void *va);
#define FRAME_PTR(pa) host_frame_ptr(pa)
#define V2P_FRAME(va) host_v2p(va)
#else
#include "mm/memlayout.h"
#define FRAME_PTR(pa) ((uint32_t *)P2V(pa))
#define V2P_FRAME(va) ((uint32_t)V2P(va))
#endif

/* Gives the allocator its reference-count array: one uint16_t for each
 * frame number below nframes. Called once, before frame_add_ranges. */
void frame_init(uint16_t *refcounts, uint32_t nframes);

/*
 * Adds every whole frame inside the `navail` available ranges that
 * overlaps none of the `nexcl` excluded ranges (kernel image, modules,
 * low memory, RAM beyond the direct map). Returns the frames added.
 */
uint32_t frame_add_ranges(const struct phys_range *avail, int navail,
                          const struct phys_range *excl, int nexcl);

/* A free frame's physical address, or 0 when memory is exhausted. */
uint32_t frame_alloc(void);
/* Frees a frame that has exactly one reference. */
void frame_free(uint32_t pa);
void frame_get(uint32_t pa);
void frame_put(uint32_t pa);
uint32_t frame_refs(uint32_t pa);
uint32_t frame_count_free(void);
uint32_t frame_count_total(void);   /* frames ever added */

#endif
