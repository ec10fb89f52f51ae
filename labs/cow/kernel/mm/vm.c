/*
 * The starting point: fork copies every present page at once (a fresh
 * frame each), so parent and child are isolated but a fork costs as many
 * frames as the parent holds. Replace all of this with copy-on-write
 * sharing (docs/labs/cow.md): share_page, vm_fork and break_cow.
 */
static int copy_page(void *ctx, uint32_t va, pte_t *ppte)
{
    struct addrspace *child = ctx;
    pte_t *cpte = pgdir_walk(child->pgdir, va, true);
    if (!cpte)
        return -1;
    uint32_t pa = frame_alloc();
    if (!pa)
        return -1;
    page_copy(P2V(pa), P2V(PTE_ADDR(*ppte)));
    *cpte = pa | (*ppte & 0xFFF);
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
    if (walk_user(parent, copy_page, child) < 0) {
        vm_destroy(child);
        return 0;
    }
    return child;
}

/* A write to a copy-on-write page: there are none yet, so it is a fault. */
static int break_cow(struct addrspace *as, uint32_t va, pte_t *pte)
{
    (void)as;
    (void)va;
    (void)pte;
    return -1;
}
