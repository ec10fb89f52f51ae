/*
 * Stage 2 in C: runs in 32-bit protected mode with flat segments, paging
 * off, interrupts off, on the stack below 0x7C00 (see stage2.S).
 *
 *   1. read and check the boot configuration sector (tools/mkimage.py);
 *   2. make sure A20 is on;
 *   3. turn the BIOS's E820 map into Multiboot's;
 *   4. load the kernel (elf.c), then the modules, each page-aligned
 *      after the highest byte loaded so far;
 *   5. fill in the Multiboot information and jump to the kernel.
 *
 * The information structure and the memory map live in our .bss, below
 * 1 MiB; the module list and the strings in the pages after the kernel,
 * as QEMU does it. The kernel copies what it needs before it reuses
 * either place.
 */
#include "stage2.h"

#define PAGE 4096
#define MB_INFO_BOOTDEV     (1u << 1)
#define MB_INFO_LOADER_NAME (1u << 9)
#define LOADER_NAME "Orchard boot loader"

struct config_file {            /* one entry of the configuration's file table */
    uint32_t lba;
    uint32_t size;
    uint16_t string;            /* offset of a NUL-terminated string in the sector */
    uint16_t reserved;
} __attribute__((packed));

struct config {
    uint32_t magic;
    uint16_t version;
    uint16_t nfiles;
    uint32_t hooks;
    uint32_t checksum;
    struct config_file files[];
} __attribute__((packed));

/* Aligned so the 32-bit reads of the checksum loop are natural ones. */
static union {
    uint8_t bytes[512];
    uint32_t words[128];
    struct config cfg;
} sector __attribute__((aligned(4)));

static struct memmap memmap;
static struct multiboot_info info;

/* The string at offset `off` of the configuration sector, if it is one. */
static const char *config_string(uint32_t off)
{
    if (off < BOOTCFG_FILES_OFF || off >= sizeof sector.bytes)
        return 0;
    for (uint32_t i = off; i < sizeof sector.bytes; i++)
        if (sector.bytes[i] == '\0')
            return (const char *)&sector.bytes[off];
    return 0;
}

/* Sector `stage2_sectors + 1`: magic, version, checksum, a sane table. */
static const struct config *read_config(void)
{
    uint32_t lba = 1 + stage2_sectors;
    disk_read_sectors(lba, 1, sector.bytes);
    const struct config *c = &sector.cfg;
    if (c->magic != BOOTCFG_MAGIC)
        fatal("no boot configuration at LBA %u (magic 0x%08x, expected 0x%08x \"ORBC\")",
              lba, c->magic, BOOTCFG_MAGIC);
    uint32_t sum = 0;
    for (int i = 0; i < 128; i++)
        sum += sector.words[i];
    if (sum != 0)
        fatal("the boot configuration at LBA %u is corrupt (checksum off by 0x%x)", lba, sum);
    if (c->version != BOOTCFG_VERSION)
        fatal("boot configuration version %u; this loader reads version %u",
              c->version, BOOTCFG_VERSION);
    if (c->nfiles == 0)
        fatal("no kernel in the image (the boot configuration lists no files)");
    if (c->nfiles > BOOTCFG_MAX_FILES)
        fatal("the boot configuration lists %u files; at most %u are supported",
              c->nfiles, BOOTCFG_MAX_FILES);
    uint32_t strings = BOOTCFG_FILES_OFF + c->nfiles * BOOTCFG_FILE_SIZE;
    for (uint32_t i = 0; i < c->nfiles; i++)
        if (c->files[i].string < strings || !config_string(c->files[i].string))
            fatal("boot configuration entry %u has no valid string", i);
    bprintf("boot: configuration at LBA %u: a kernel and %u module(s)\n", lba, c->nfiles - 1u);
    return c;
}

static struct bfile config_bfile(const struct config *c, uint32_t i, const char *name)
{
    return (struct bfile){ .name = name, .lba = c->files[i].lba, .size = c->files[i].size };
}

/*
 * Physical memory after the kernel, handed out upwards (never freed).
 * Like QEMU's -kernel, we put there first the module list and every
 * string the kernel gets (its command line, the modules' strings, our
 * name), then the modules, each page-aligned. The same layout means the
 * same pages in use: the kernel's free-memory figure cannot tell the two
 * loaders apart.
 */
struct area {
    uint32_t next;              /* first free byte */
    uint32_t end;               /* end of the RAM that starts at 1 MiB */
};

static bool area_fits(const struct area *a, uint32_t size)
{
    return a->next <= a->end && size <= a->end - a->next;
}

static void *area_take(struct area *a, uint32_t size)
{
    if (!area_fits(a, size))
        fatal("out of RAM at 0x%08x placing boot information (RAM ends at 0x%08x)",
              a->next, a->end);
    void *p = (void *)a->next;
    a->next += size;
    return p;
}

/* A copy of s in the area; returns its physical address. */
static uint32_t area_string(struct area *a, const char *s)
{
    uint32_t n = strlen(s) + 1;
    return (uint32_t)memcpy(area_take(a, n), s, n);
}

static void area_align(struct area *a)
{
    uint32_t aligned = align_up(a->next, PAGE);
    a->next = aligned < a->next ? a->end + 1 : aligned;    /* overflow: full */
}

/* The module list, and the strings, in the pages after the kernel. */
static struct multiboot_module *place_strings(const struct config *c, struct area *a)
{
    uint32_t nmods = c->nfiles - 1u;
    struct multiboot_module *mods = area_take(a, nmods * sizeof *mods);
    info.cmdline = area_string(a, config_string(c->files[0].string));
    for (uint32_t i = 0; i < nmods; i++)
        mods[i].string = area_string(a, config_string(c->files[i + 1].string));
    info.boot_loader_name = area_string(a, LOADER_NAME);
    info.mods_count = nmods;
    info.mods_addr = (uint32_t)mods;
    return mods;
}

/* Each module page-aligned after whatever came before it. */
static void load_modules(const struct config *c, struct multiboot_module *mods, struct area *a)
{
    for (uint32_t i = 1; i < c->nfiles; i++) {
        const char *s = config_string(c->files[i].string);
        struct bfile f = config_bfile(c, i, s);
        area_align(a);
        if (!area_fits(a, f.size))
            fatal("module %u '%s' (%u bytes) does not fit in RAM at 0x%08x "
                  "(RAM from 1 MiB ends at 0x%08x)", i, s, f.size, a->next, a->end);
        uint32_t start = (uint32_t)area_take(a, f.size);
        file_read(&f, 0, (void *)start, f.size);
        mods[i - 1].mod_start = start;
        mods[i - 1].mod_end = start + f.size;
        mods[i - 1].reserved = 0;
        bprintf("boot: module %u '%s': 0x%08x-0x%08x (%u bytes)\n",
                i, s, start, start + f.size, f.size);
    }
}

/* The rest of the Multiboot information (Multiboot 0.6.96, section 3.3). */
static void fill_info(void)
{
    info.flags = MB_INFO_MEMORY | MB_INFO_BOOTDEV | MB_INFO_CMDLINE | MB_INFO_MODS |
                 MB_INFO_MMAP | MB_INFO_LOADER_NAME;
    info.mem_lower = memmap.mem_lower;
    info.mem_upper = memmap.mem_upper;
    info.boot_device = ((uint32_t)boot_drive << 24) | 0xFFFFFF;    /* no partition */
    info.mmap_length = memmap.count * sizeof memmap.entries[0];
    info.mmap_addr = (uint32_t)memmap.entries;
}

/* The test hooks that make the hand-off wrong on purpose (layout.h). */
static uint32_t apply_info_hooks(uint32_t hooks)
{
    uint32_t magic = MULTIBOOT_BOOTLOADER_MAGIC;
    if (hooks & BOOT_HOOK_BAD_MAGIC) {
        magic = 0x1BADB002;             /* the header magic: a plausible mix-up */
        bprintf("boot: test hook: passing EAX=0x%08x\n", magic);
    }
    if (hooks & BOOT_HOOK_NO_MEMINFO) {
        info.flags &= ~(MB_INFO_MEMORY | MB_INFO_MMAP);
        bprintf("boot: test hook: no mem_lower/mem_upper, no memory map\n");
    }
    if (hooks & BOOT_HOOK_BAD_MMAP) {
        memmap.entries[0].size = 12;
        bprintf("boot: test hook: first memory map entry has size 12\n");
    }
    return magic;
}

void stage2_main(void) __attribute__((noreturn));

void stage2_main(void)
{
    console_init();
    bprintf("boot: stage 2 at 0x%x (%u bytes), boot drive 0x%x\n",
            (uint32_t)__stage2_start, (uint32_t)(__image_end - __stage2_start), boot_drive);
    disk_init();
    const struct config *c = read_config();
    a20_enable(c->hooks);
    memmap_build(&memmap);

    const char *cmdline = config_string(c->files[0].string);
    struct bfile kf = config_bfile(c, 0, "kernel");
    bprintf("boot: kernel: %u bytes at LBA %u, command line '%s'\n", kf.size, kf.lba, cmdline);
    struct kernel_image k;
    load_kernel(&kf, memmap.ram_end, c->hooks, &k);

    struct area after_kernel = { align_up(k.end, PAGE), memmap.ram_end };
    struct multiboot_module *mods = place_strings(c, &after_kernel);
    load_modules(c, mods, &after_kernel);
    fill_info();
    uint32_t magic = apply_info_hooks(c->hooks);
    bprintf("boot: jumping to the kernel at 0x%08x (EAX=0x%08x, EBX=0x%x)\n",
            k.entry, magic, (uint32_t)&info);
    enter_kernel(k.entry, magic, &info);
}
