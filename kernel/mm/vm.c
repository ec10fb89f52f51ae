/* User address spaces; see vm.h for the layout and the rules. */
#include "mm/vm.h"

#include "arch/x86/pagetable.h"
#include "arch/x86/paging.h"
#include "core/panic.h"
#include "fs/image.h"
#include "mm/frame.h"
#include "lib/string.h"
#include "mm/kheap.h"

struct addrspace *vm_create(void)
{
    struct addrspace *as = kzalloc(sizeof *as);
    if (!as)
        return 0;
    as->pgdir = pgdir_create();
    if (!as->pgdir) {
        kfree(as);
        return 0;
    }
    as->image_start = as->image_end = as->brk = USER_IMAGE_BASE;
    as->stack_low = USER_TOP;
    return as;
}

/*
 * Calls fn on every present PTE in [start, end), skipping absent page
 * tables whole. Stops at the first fn that fails. Walking only the
 * address space's regions (not all 768 user directory entries and their
 * 1024 PTEs each) is what keeps fork and exit cheap.
 */
static int walk_range(pde_t *pgdir, uint32_t start, uint32_t end,
                      int (*fn)(void *ctx, uint32_t va, pte_t *pte), void *ctx)
{
    for (uint32_t va = PGROUNDDOWN(start); va < end;) {
        uint32_t table_end = (va & ~(BIGPGSIZE - 1)) + BIGPGSIZE;
        uint32_t stop = end < table_end ? end : table_end;
        pde_t pde = pgdir[PDX(va)];
        if (pde & PTE_P) {
            pte_t *table = P2V(PTE_ADDR(pde));
            for (; va < stop; va += PGSIZE)
                if ((table[PTX(va)] & PTE_P) && fn(ctx, va, &table[PTX(va)]) < 0)
                    return -1;
        }
        va = stop;
    }
    return 0;
}

/* The regions that can hold pages: image and heap, then the stack. */
static int walk_user(struct addrspace *as, int (*fn)(void *, uint32_t, pte_t *), void *ctx)
{
    if (walk_range(as->pgdir, as->image_start, as->brk, fn, ctx) < 0)
        return -1;
    return walk_range(as->pgdir, as->stack_low, USER_TOP, fn, ctx);
}

static int put_page(void *ctx, uint32_t va, pte_t *pte)
{
    (void)ctx;
    (void)va;
    frame_put(PTE_ADDR(*pte));
    *pte = 0;
    return 0;
}

static int put_heap_page(void *ctx, uint32_t va, pte_t *pte)
{
    (*(uint32_t *)ctx)++;
    return put_page(0, va, pte);
}

void vm_destroy(struct addrspace *as)
{
    walk_user(as, put_page, 0);
    pgdir_destroy(as->pgdir);
    for (int i = 0; i < as->nsegs; i++)
        fs_image_put(as->segs[i].image);
    kfree(as->segs);
    kfree(as);
}

int vm_add_segment(struct addrspace *as, const struct vm_segment *seg)
{
    /* Grow the array one entry at a time: programs have a handful. */
    size_t bytes = (size_t)(as->nsegs + 1) * sizeof *seg;
    struct vm_segment *segs = kmalloc(bytes);
    if (!segs)
        return -1;
    if (as->nsegs)
        memcpy(segs, as->segs, bytes - sizeof *seg);
    segs[as->nsegs++] = *seg;
    fs_image_dup(seg->image);
    if (seg->start < as->image_start)
        as->image_start = PGROUNDDOWN(seg->start);
    kfree(as->segs);
    as->segs = segs;
    return 0;
}

// LAB cow BEGIN
/* Shares one present page copy-on-write between parent and child. */
static int share_page(void *ctx, uint32_t va, pte_t *ppte)
{
    struct addrspace *child = ctx;
    pte_t *cpte = pgdir_walk(child->pgdir, va, true);
    if (!cpte)
        return -1;
    if (*ppte & (PTE_W | PTE_COW))
        *ppte = (*ppte & ~PTE_W) | PTE_COW;    /* parent loses write too */
    *cpte = *ppte;
    frame_get(PTE_ADDR(*ppte));
    return 0;
}

struct addrspace *vm_fork(struct addrspace *parent)
{
    struct addrspace *child = vm_create();
    if (!child)
        return 0;
    if (parent->nsegs) {
        child->segs = kmalloc((size_t)parent->nsegs * sizeof *child->segs);
        if (!child->segs) {
            vm_destroy(child);
            return 0;
        }
        memcpy(child->segs, parent->segs, (size_t)parent->nsegs * sizeof *child->segs);
        child->nsegs = parent->nsegs;
        for (int i = 0; i < child->nsegs; i++)
            fs_image_dup(child->segs[i].image);
    }
    child->image_start = parent->image_start;
    child->image_end = parent->image_end;
    child->brk = parent->brk;
    child->heap_resident = parent->heap_resident;
    child->stack_low = parent->stack_low;
    int r = walk_user(parent, share_page, child);
    /* The parent's writable pages just became read-only. */
    tlb_flush_all(parent->pgdir);
    if (r < 0) {
        vm_destroy(child);
        return 0;
    }
    return child;
}

/* Gives the writer its own copy of a copy-on-write page. */
static int break_cow(struct addrspace *as, uint32_t va, pte_t *pte)
{
    uint32_t old = PTE_ADDR(*pte);
    uint32_t flags = (*pte & 0xFFF & ~PTE_COW) | PTE_W;
    if (frame_refs(old) > 1) {
        uint32_t copy = frame_alloc();
        if (!copy)
            return -2;
        page_copy(P2V(copy), P2V(old));
        frame_put(old);
        old = copy;
    }
    *pte = old | flags;         /* the last sharer just takes the page back */
    tlb_flush_page(as->pgdir, va);
    return 0;
}
// LAB cow END

static bool in_heap(const struct addrspace *as, uint32_t va)
{
    return va >= as->image_end && va < as->brk;
}

static bool in_stack(const struct addrspace *as, uint32_t va)
{
    (void)as;
    return va >= USER_STACK_LOW && va < USER_TOP;
}

// LAB lazy BEGIN
static int map_fresh_page(struct addrspace *as, uint32_t va, uint32_t perm)
{
    pte_t *pte = pgdir_walk(as->pgdir, va, true);
    if (!pte)
        return -1;
    ASSERT(!(*pte & PTE_P));
    uint32_t pa = frame_alloc();
    if (!pa)
        return -1;
    page_zero(P2V(pa));
    *pte = pa | perm | PTE_P;
    return 0;
}

uint32_t vm_sbrk(struct addrspace *as, int n)
{
    uint32_t old = as->brk;
    int64_t want = (int64_t)old + n;
    if (want < as->image_end || want > USER_HEAP_MAX)
        return (uint32_t)-1;
    /* Pages come at first touch, but a heap larger than what it already
     * holds plus all free memory can only end in an out-of-memory kill:
     * refuse up front (the check is for the whole heap, not this call). */
    if (n > 0 && (PGROUNDUP((uint32_t)want) - as->image_end) / PGSIZE >
                     frame_count_free() + as->heap_resident)
        return (uint32_t)-1;
    uint32_t new_brk = (uint32_t)want;
    /* Growing only moves the break: pages appear at first touch. Shrinking
     * gives back the pages wholly above the new break. */
    if (PGROUNDUP(new_brk) < PGROUNDUP(old)) {
        uint32_t released = 0;
        walk_range(as->pgdir, PGROUNDUP(new_brk), PGROUNDUP(old), put_heap_page, &released);
        as->heap_resident -= released;
        tlb_flush_all(as->pgdir);
    }
    as->brk = new_brk;
    return old;
}

/*
 * The first touch of an image page: copy in the bytes of every segment
 * that overlaps it (segments may share a page) and zero the rest. Returns
 * 1 if no segment covers va, else 0, or -2 when out of memory.
 */
static int load_image_page(struct addrspace *as, uint32_t va)
{
    uint32_t page = PGROUNDDOWN(va), perm = 0, pa = 0;
    for (int i = 0; i < as->nsegs; i++) {
        const struct vm_segment *s = &as->segs[i];
        if (s->end <= page || s->start >= page + PGSIZE)
            continue;
        if (!pa) {
            pa = frame_alloc();
            if (!pa)
                return -2;
            page_zero(P2V(pa));
        }
        perm |= s->perm;
        uint32_t from = s->start > page ? s->start : page;
        uint32_t to = page + PGSIZE;
        if (to > s->start + s->filesz)
            to = s->start + s->filesz;
        if (from < to)
            fs_image_copy(s->image, (char *)P2V(pa) + (from - page),
                          s->offset + (from - s->start), to - from);
    }
    if (!pa)
        return 1;
    pte_t *pte = pgdir_walk(as->pgdir, page, true);
    if (!pte) {
        frame_free(pa);
        return -2;
    }
    *pte = pa | perm | PTE_P;
    return 0;
}

int vm_fault(struct addrspace *as, uint32_t va, bool write)
{
    if (va < PGSIZE || va >= USER_TOP)
        return -1;
    pte_t *pte = pgdir_walk(as->pgdir, va, false);
    if (pte && (*pte & PTE_P)) {
        if (write && (*pte & PTE_COW))
            return break_cow(as, PGROUNDDOWN(va), pte);
        return write && !(*pte & PTE_W) ? -1 : 0;
    }
    if (va < as->image_end) {
        int r = load_image_page(as, va);
        if (r <= 0)
            return r < 0 ? r : vm_fault(as, va, write);   /* now check the access */
    }
    if (in_heap(as, va) || in_stack(as, va)) {
        if (map_fresh_page(as, PGROUNDDOWN(va), PTE_U | PTE_W) < 0)
            return -2;
        if (in_heap(as, va))
            as->heap_resident++;
        if (in_stack(as, va) && PGROUNDDOWN(va) < as->stack_low)
            as->stack_low = PGROUNDDOWN(va);
        return 0;
    }
    return -1;
}
// LAB lazy END

void *vm_user_ptr(struct addrspace *as, uaddr_t va, bool write)
{
    if (vm_fault(as, va, write) != 0)
        return 0;
    pte_t *pte = pgdir_walk(as->pgdir, va, false);
    if (!(*pte & PTE_U))
        return 0;
    return (char *)P2V(PTE_ADDR(*pte)) + (va & (PGSIZE - 1));
}

static int count_page(void *ctx, uint32_t va, pte_t *pte)
{
    (void)va;
    (void)pte;
    (*(uint32_t *)ctx)++;
    return 0;
}

uint32_t vm_resident_pages(struct addrspace *as)
{
    uint32_t n = 0;
    walk_user(as, count_page, &n);
    return n;
}

void vm_activate(struct addrspace *as)
{
    pgdir_activate(as->pgdir);
}

void vm_deactivate(void)
{
    pgdir_activate(kernel_pgdir);
}

/* Whether a user access to page va would succeed (vm_fault would resolve
 * it), judged without mapping or copying anything. */
static bool page_accessible(const struct addrspace *as, uint32_t va, bool write)
{
    if (va < PGSIZE || va >= USER_TOP)
        return false;
    pte_t *pte = pgdir_walk(as->pgdir, va, false);
    if (pte && (*pte & PTE_P))
        return (*pte & PTE_U) && (!write || (*pte & (PTE_W | PTE_COW)));
    if (va < as->image_end) {
        uint32_t perm = 0;
        bool covered = false;
        for (int i = 0; i < as->nsegs; i++) {
            const struct vm_segment *s = &as->segs[i];
            if (s->end > va && s->start < va + PGSIZE) {
                covered = true;
                perm |= s->perm;
            }
        }
        return covered && (!write || (perm & PTE_W));
    }
    return in_heap(as, va) || in_stack(as, va);
}

bool vm_range_ok(const struct addrspace *as, uaddr_t va, uint32_t n, bool write)
{
    if (n == 0)
        return true;
    if (va >= USER_TOP || n > USER_TOP - va)
        return false;
    for (uint32_t page = PGROUNDDOWN(va); page < va + n; page += PGSIZE)
        if (!page_accessible(as, page, write))
            return false;
    return true;
}
