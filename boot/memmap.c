/*
 * From the BIOS's E820 map (collected in real mode by stage2.S) to the
 * Multiboot memory information: the mmap entries themselves, and
 * mem_lower/mem_upper derived from them.
 */
#include "stage2.h"

struct e820_entry {                     /* what int 0x15 EAX=0xE820 stores */
    uint64_t base;
    uint64_t length;
    uint32_t type;                      /* 1 = usable RAM */
    uint32_t acpi;                      /* ACPI 3: bit 0 clear = ignore me */
} __attribute__((packed));

#define E820_USABLE 1

static const char *type_name(uint32_t type)
{
    switch (type) {
    case 1: return "usable";
    case 2: return "reserved";
    case 3: return "ACPI data";
    case 4: return "ACPI NVS";
    case 5: return "bad memory";
    default: return "other";
    }
}

/* End of the usable RAM that contains `addr`, following entries that
 * touch or overlap (the map need not be sorted); addr if none does. */
static uint64_t usable_end_from(const struct memmap *m, uint64_t addr)
{
    uint64_t end = addr;
    bool grew = true;
    while (grew) {
        grew = false;
        for (uint32_t i = 0; i < m->count; i++) {
            const struct multiboot_mmap_entry *e = &m->entries[i];
            if (e->type == E820_USABLE && e->addr <= end && e->addr + e->len > end) {
                end = e->addr + e->len;
                grew = true;
            }
        }
    }
    return end;
}

void memmap_build(struct memmap *m)
{
    const struct e820_entry *raw = (const void *)e820_map;
    m->count = 0;
    if (e820_count == 0)
        fatal("the BIOS gave no E820 memory map (int 0x15 EAX=0xE820 failed)");
    bprintf("boot: E820 memory map, %u entries:\n", e820_count);
    for (uint32_t i = 0; i < e820_count; i++) {
        const struct e820_entry *r = &raw[i];
        if (!(r->acpi & 1) || r->length == 0)
            continue;                   /* ACPI 3 "ignore", or empty */
        uint64_t last = r->base + r->length - 1;
        bprintf("boot:   %08x%08x-%08x%08x %s\n",
                (uint32_t)(r->base >> 32), (uint32_t)r->base,
                (uint32_t)(last >> 32), (uint32_t)last, type_name(r->type));
        m->entries[m->count++] = (struct multiboot_mmap_entry){
            .size = 20, .addr = r->base, .len = r->length, .type = r->type,
        };
    }
    uint64_t lower = usable_end_from(m, 0);
    uint64_t upper = usable_end_from(m, 0x100000);
    m->mem_lower = (uint32_t)((lower > 640 * 1024 ? 640 * 1024 : lower) / 1024);
    if (upper > 0xFFFFF000)             /* what a 32-bit loader can reach */
        upper = 0xFFFFF000;
    m->mem_upper = (uint32_t)((upper - 0x100000) / 1024);
    m->ram_end = (uint32_t)upper;
}
