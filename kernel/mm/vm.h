/*
 * User address spaces. Each process has one: a page directory whose
 * kernel half is shared with every other (see memlayout.h), and whose user
 * half holds, from low to high:
 *
 *   0x00000000  page 0: never mapped, so NULL dereferences fault
 *   0x00400000  USER_IMAGE_BASE: the program's ELF segments (text, data, bss)
 *   image_end   the heap, grown and shrunk by sbrk; pages appear on first touch
 *   ...         unmapped
 *               guard page (never mapped: a stack overflow faults)
 *               the stack, USER_STACK_MAX at most; grows down on demand
 *   0xC0000000  USER_TOP = KERNBASE
 *
 * Nothing is mapped eagerly. exec records each ELF segment (where its
 * bytes lie in the program file's frozen image, fs/image.h, and its
 * permissions); the first touch of a page faults, and vm_fault copies the
 * page in from the image, zero-
 * filling the rest (bss). Heap and stack pages appear zeroed at first
 * touch. fork shares every page copy-on-write: read-only in both, with the
 * frame's reference count raised; the first write copies it.
 */
#ifndef MM_VM_H
#define MM_VM_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86/mmu.h"
#include "mm/memlayout.h"

#define USER_IMAGE_BASE 0x00400000u
#define USER_TOP        KERNBASE
#define USER_STACK_MAX  (1024u * 1024)          /* the stack's size limit */
#define USER_STACK_LOW  (USER_TOP - USER_STACK_MAX)
#define USER_HEAP_MAX   (USER_STACK_LOW - PGSIZE) /* below the guard page */

typedef uint32_t uaddr_t;       /* a user-space address: never dereference it */

struct fs_image;

/* A loadable ELF segment, recorded by exec and read by vm_fault. */
struct vm_segment {
    uint32_t start, end;        /* [start, end) in user space: p_vaddr, + p_memsz */
    struct fs_image *image;     /* the program file's bytes (immutable; a reference) */
    uint32_t offset;            /* where the segment's bytes start in image */
    uint32_t filesz;            /* bytes from image; the rest up to end is zero (bss) */
    uint32_t perm;              /* PTE_U, plus PTE_W if the segment is writable */
};

struct addrspace {
    /* Owned by the process (or its creator before it runs). */
    pde_t *pgdir;
    struct vm_segment *segs;    /* kmalloc'd array */
    int nsegs;
    uint32_t image_start;       /* lowest segment page */
    uint32_t image_end;         /* first byte past the ELF image: heap start */
    uint32_t brk;               /* first byte past the heap */
    uint32_t heap_resident;     /* heap pages touched (frames it holds) */
    uint32_t stack_low;         /* lowest mapped stack page */
};

struct addrspace *vm_create(void);
void vm_destroy(struct addrspace *as);
/* Records a segment for lazy loading (taking a reference to its image);
 * -1 if out of memory. */
int vm_add_segment(struct addrspace *as, const struct vm_segment *seg);
/* The copy-on-write duplicate of as (fork); NULL when out of memory. */
struct addrspace *vm_fork(struct addrspace *as);
/* Moves the break by n bytes; returns the old break or -1 (as uint32_t):
 * below the image, into the stack's reach, or to a heap larger than its
 * touched pages plus all free memory could ever back. */
uint32_t vm_sbrk(struct addrspace *as, int n);
/*
 * Resolves a fault at va: copy-on-write, a heap or stack page's first
 * touch. 0 when va is now mapped as needed, -1 for a real violation,
 * -2 when memory ran out.
 */
int vm_fault(struct addrspace *as, uint32_t va, bool write);
/* The kernel address of user byte va, faulting it in as a user access
 * would; NULL if the access is not allowed. */
void *vm_user_ptr(struct addrspace *as, uaddr_t va, bool write);
/* The user pages mapped in as: the frames it holds, a page shared
 * copy-on-write counting for each sharer (out-of-memory victim choice). */
uint32_t vm_resident_pages(struct addrspace *as);
void vm_activate(struct addrspace *as);
/* Switches to the kernel's own page directory (before freeing the
 * current address space). */
void vm_deactivate(void);
/* Whether every byte of [va, va + n) is one the process may access this
 * way (write: store into), mapped yet or not: nothing is mapped or copied
 * to find out. */
bool vm_range_ok(const struct addrspace *as, uaddr_t va, uint32_t n, bool write);

#endif
