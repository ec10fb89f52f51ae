/*
 * Memory bring-up. The frame allocator gets every available frame except:
 *   - the first 1 MiB (BIOS data, the loader, VGA, ROMs),
 *   - the kernel image (__kernel_start .. __kernel_end, bss included),
 *   - the frame reference counts, placed right after the kernel image,
 *   - boot modules (the initramfs), which stay where the loader put them,
 *   - RAM above KERN_DIRECT_MAX, which the direct map cannot reach.
 */
#include "mm/memory.h"

#include <stdbool.h>

#include "arch/arch.h"
#include "core/bootinfo.h"
#include "core/kprintf.h"
#include "core/panic.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
#include "arch/x86/mmu.h"

static bool ram_covers(uint64_t start, uint64_t end)
{
    for (int i = 0; i < bootinfo.nram; i++)
        if (bootinfo.ram[i].start <= start && end <= bootinfo.ram[i].end)
            return true;
    return false;
}

/* The kernel image through the frame table (the modules in between are
 * excluded again on their own, harmlessly). */
static int exclusions(struct phys_range *ex, uint32_t kernel_end)
{
    int n = 0;
    ex[n++] = (struct phys_range){ 0, 0x100000 };
    ex[n++] = (struct phys_range){ V2P(__kernel_start), kernel_end };
    ex[n++] = (struct phys_range){ KERN_DIRECT_MAX, 1ull << 52 };  /* all of PAE space */
    for (int i = 0; i < bootinfo.nmodules; i++)
        ex[n++] = (struct phys_range){ bootinfo.modules[i].start, bootinfo.modules[i].end };
    return n;
}

void memory_init(void)
{
    uint64_t top = 0, usable = 0;
    for (int i = 0; i < bootinfo.nram; i++) {
        usable += bootinfo.ram[i].end - bootinfo.ram[i].start;
        if (bootinfo.ram[i].end > top)
            top = bootinfo.ram[i].end;
    }
    uint32_t usable_kib = (uint32_t)(usable / 1024);
    if (usable_kib < MEMORY_MIN_MB * 1024) {
        kprintf("memory: only %u KiB usable; this kernel needs at least %u MiB "
                "(QEMU: -m %u or more)\n", usable_kib, MEMORY_MIN_MB, MEMORY_MIN_MB * 2);
        kernel_stop(2);
    }
    arch_paging_init(top < KERN_DIRECT_MAX ? (uint32_t)top : KERN_DIRECT_MAX);

    /* One reference count per frame, placed after the kernel image and
     * every module (loaders put modules right after the kernel). */
    uint32_t nframes = (uint32_t)((top < KERN_DIRECT_MAX ? top : KERN_DIRECT_MAX) / FRAME_SIZE);
    uint32_t refs_start = V2P(__kernel_end);
    for (int i = 0; i < bootinfo.nmodules; i++)
        if (bootinfo.modules[i].end > refs_start)
            refs_start = bootinfo.modules[i].end;
    refs_start = PGROUNDUP(refs_start);
    uint32_t refs_end = PGROUNDUP(refs_start + nframes * (uint32_t)sizeof(uint16_t));
    if (!ram_covers(refs_start, refs_end))
        panic("no RAM after the kernel and modules for the frame table");
    frame_init(P2V(refs_start), nframes);

    struct phys_range ex[3 + BOOTINFO_MAX_MODULES];
    frame_add_ranges(bootinfo.ram, bootinfo.nram, ex, exclusions(ex, refs_end));
    kprintf("memory: %u KiB usable (%u MiB) from the %s, %u KiB free\n",
            usable_kib, (usable_kib + 512) / 1024, bootinfo.source,
            frame_count_free() * (FRAME_SIZE / 1024));
    if (top > KERN_DIRECT_MAX)
        kprintf("memory: %u MiB above %u MiB left unused (beyond the kernel's direct map)\n",
                (uint32_t)((top - KERN_DIRECT_MAX) >> 20), KERN_DIRECT_MAX >> 20);
}
