/* Symbol lookup: binary search in the table tools/mksyms.py built. */
#include "core/ksyms.h"

#include "core/kprintf.h"

struct ksym {
    uint32_t addr;
    uint32_t name;              /* offset into the names after the table */
};

extern const char __ksyms_start[], __ksyms_end[];
extern const char __text_end[];

const char *ksyms_lookup(uint32_t addr, uint32_t *offset)
{
    if (__ksyms_end - __ksyms_start < 4 || addr >= (uint32_t)__text_end)
        return 0;
    uint32_t count = *(const uint32_t *)__ksyms_start;
    const struct ksym *tab = (const struct ksym *)(__ksyms_start + 4);
    const char *names = (const char *)(tab + count);
    if (count == 0 || addr < tab[0].addr)
        return 0;
    uint32_t lo = 0, hi = count;        /* last entry with addr <= addr */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (tab[mid].addr <= addr)
            lo = mid;
        else
            hi = mid;
    }
    *offset = addr - tab[lo].addr;
    return names + tab[lo].name;
}

void ksyms_print(uint32_t addr)
{
    uint32_t off;
    const char *name = ksyms_lookup(addr, &off);
    if (name)
        kprintf("%s+0x%x (%p)", name, off, (void *)addr);
    else
        kprintf("%p", (void *)addr);
}
