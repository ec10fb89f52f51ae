/*
 * The starting point: nothing is lazy. The first touch of the program
 * image copies in all of it, every page of every segment, and sbrk maps
 * the heap's new pages (zeroed) as soon as it moves the break. Only the
 * stack still grows a page at a time. Make the image and the heap appear
 * a page at a time, at their first touch (docs/labs/lazy.md): vm_sbrk,
 * load_image_page and vm_fault.
 */
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

/* Maps the heap pages of [from, to) now, or none of them. */
static int map_heap(struct addrspace *as, uint32_t from, uint32_t to)
{
    for (uint32_t va = from; va < to; va += PGSIZE) {
        if (map_fresh_page(as, va, PTE_U | PTE_W) < 0) {
            uint32_t released = 0;
            walk_range(as->pgdir, from, va, put_heap_page, &released);
            as->heap_resident -= released;
            tlb_flush_all(as->pgdir);
            return -1;
        }
        as->heap_resident++;
    }
    return 0;
}

uint32_t vm_sbrk(struct addrspace *as, int n)
{
    uint32_t old = as->brk;
    int64_t want = (int64_t)old + n;
    if (want < as->image_end || want > USER_HEAP_MAX)
        return (uint32_t)-1;
    uint32_t new_brk = (uint32_t)want;
    if (PGROUNDUP(new_brk) > PGROUNDUP(old) &&
        map_heap(as, PGROUNDUP(old), PGROUNDUP(new_brk)) < 0)
        return (uint32_t)-1;
    if (PGROUNDUP(new_brk) < PGROUNDUP(old)) {
        uint32_t released = 0;
        walk_range(as->pgdir, PGROUNDUP(new_brk), PGROUNDUP(old), put_heap_page, &released);
        as->heap_resident -= released;
        tlb_flush_all(as->pgdir);
    }
    as->brk = new_brk;
    return old;
}

/* One image page: the bytes of every segment that overlaps it, the rest
 * zero. 1 if no segment covers va, else 0, or -2 when out of memory. */
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

/* Every image page not yet present. */
static int load_whole_image(struct addrspace *as)
{
    for (uint32_t page = as->image_start; page < as->image_end; page += PGSIZE) {
        pte_t *pte = pgdir_walk(as->pgdir, page, false);
        if (!(pte && (*pte & PTE_P)) && load_image_page(as, page) < 0)
            return -2;
    }
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
        if (load_whole_image(as) < 0)
            return -2;
        pte = pgdir_walk(as->pgdir, va, false);
        return pte && (*pte & PTE_P) ? vm_fault(as, va, write) : -1;
    }
    if (in_stack(as, va)) {
        if (map_fresh_page(as, PGROUNDDOWN(va), PTE_U | PTE_W) < 0)
            return -2;
        if (PGROUNDDOWN(va) < as->stack_low)
            as->stack_low = PGROUNDDOWN(va);
        return 0;
    }
    return -1;                  /* the heap is all present: the rest is no one's */
}
