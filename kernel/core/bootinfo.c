/*
 * Reading the Multiboot information structure (core/multiboot.h). Bad
 * input from a loader gets a message naming what is wrong, never a fault:
 * a wrong magic, no memory information at all, or a malformed map.
 */
#include "core/bootinfo.h"

#include "core/cmdline.h"
#include "core/kprintf.h"
#include "core/multiboot.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/memlayout.h"

struct bootinfo bootinfo;
/* One byte more than cmdline.c keeps, so that it can tell a line that was cut. */
static char cmdline_copy[CMDLINE_MAX_LEN + 1];

static void fatal(const char *why)
{
    kprintf("boot: %s\n", why);
    kernel_stop(2);
}

/* A loader's physical pointer must lie where the boot page tables map it. */
static const void *boot_ptr(uint32_t pa, uint32_t len)
{
    if (pa == 0 || pa >= KERN_DIRECT_MAX || len > KERN_DIRECT_MAX - pa)
        return 0;
    return P2V(pa);
}

static void add_ram(uint64_t start, uint64_t end)
{
    if (end <= start || bootinfo.nram == BOOTINFO_MAX_REGIONS)
        return;
    bootinfo.ram[bootinfo.nram++] = (struct phys_range){ start, end };
}

static void load_mmap(const struct multiboot_info *mb)
{
    const uint8_t *p = boot_ptr(mb->mmap_addr, mb->mmap_length);
    if (!p)
        fatal("the memory map's address is outside memory (malformed Multiboot info)");
    const uint8_t *end = p + mb->mmap_length;
    while (p + 4 <= end) {
        const struct multiboot_mmap_entry *e = (const void *)p;
        if (e->size < 20 || p + 4 + e->size > end)
            fatal("malformed memory map entry (size field < 20 or past the map's end)");
        if (e->type == MB_MMAP_AVAILABLE)
            add_ram(e->addr, e->addr + e->len);
        p += 4 + e->size;
    }
    bootinfo.source = "memory map";
}

static void load_modules(const struct multiboot_info *mb)
{
    const struct multiboot_module *m =
        boot_ptr(mb->mods_addr, mb->mods_count * sizeof *m);
    if (!m && mb->mods_count)
        fatal("the module list's address is outside memory");
    for (uint32_t i = 0; i < mb->mods_count && i < BOOTINFO_MAX_MODULES; i++) {
        if (m[i].mod_end < m[i].mod_start || !boot_ptr(m[i].mod_start, m[i].mod_end - m[i].mod_start))
            fatal("a module lies outside memory");
        struct boot_module *bm = &bootinfo.modules[bootinfo.nmodules++];
        bm->start = m[i].mod_start;
        bm->end = m[i].mod_end;
        const char *s = boot_ptr(m[i].string, 1);
        strlcpy(bm->name, s ? s : "", sizeof bm->name);
    }
}

const char *bootinfo_load(uint32_t magic, uint32_t info_phys)
{
    if (magic != MULTIBOOT_BOOTLOADER_MAGIC) {
        kprintf("boot: bad Multiboot magic %x in EAX (expected %x): "
                "this kernel must be started by a Multiboot loader\n",
                magic, MULTIBOOT_BOOTLOADER_MAGIC);
        kernel_stop(2);
    }
    const struct multiboot_info *mb = boot_ptr(info_phys, sizeof *mb);
    if (!mb)
        fatal("the Multiboot information pointer in EBX is invalid");
    if (mb->flags & MB_INFO_CMDLINE) {
        const char *s = boot_ptr(mb->cmdline, 1);
        strlcpy(cmdline_copy, s ? s : "", sizeof cmdline_copy);
    }
    if (mb->flags & MB_INFO_MMAP) {
        load_mmap(mb);
    } else if (mb->flags & MB_INFO_MEMORY) {
        add_ram(0, (uint64_t)mb->mem_lower * 1024);
        add_ram(0x100000, 0x100000 + (uint64_t)mb->mem_upper * 1024);
        bootinfo.source = "mem_lower/mem_upper";
    } else {
        fatal("the loader gave no memory information (neither a memory map nor mem_lower/mem_upper)");
    }
    if (mb->flags & MB_INFO_MODS)
        load_modules(mb);
    return cmdline_copy;
}
