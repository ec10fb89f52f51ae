/*
 * Stage 2's internal interfaces: one header for the handful of C files
 * (console.c, lib.c, disk.c, a20.c, memmap.c, elf.c, main.c) plus the
 * variables and the hand-off routine that live in stage2.S.
 */
#ifndef BOOT_STAGE2_H
#define BOOT_STAGE2_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/multiboot.h"
#include "layout.h"

/* ---- from stage2.S ---- */
extern uint8_t boot_drive;              /* BIOS drive number, from the MBR */
extern uint16_t stage2_sectors;         /* our size on disk */
extern uint16_t e820_count;             /* entries the BIOS gave */
extern uint8_t e820_map[];              /* E820_MAX raw entries, E820_ENTRY_SIZE apart */
extern char __stage2_start[], __image_end[], __stage2_end[];
void enter_kernel(uint32_t entry, uint32_t magic, const void *info) __attribute__((noreturn));

/* ---- x86 port I/O and the string functions: the kernel's own
 * (kernel/arch/x86/x86.h, kernel/lib/string.c, linked in by boot.mk) ---- */
#include "arch/x86/x86.h"
#include "lib/string.h"

/* ---- console.c: COM1 and the VGA text screen ---- */
void console_init(void);
void bprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "boot: error: <message>" on one line, then halt forever. */
void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void halt_forever(void) __attribute__((noreturn));

/* ---- lib.c: what the compiler may call even in freestanding code ---- */

/* ---- disk.c: ATA PIO reads, and files of the image ---- */
struct bfile {
    const char *name;                   /* for messages */
    uint32_t lba;                       /* first sector */
    uint32_t size;                      /* bytes */
};
void disk_init(void);
void disk_read_sectors(uint32_t lba, uint32_t count, void *dst);
/* Bytes [off, off + len) of a file; a read past its end is fatal. */
void file_read(const struct bfile *f, uint32_t off, void *dst, uint32_t len);

/* ---- a20.c ---- */
void a20_enable(uint32_t hooks);

/* ---- memmap.c: E820 to Multiboot ---- */
struct memmap {
    struct multiboot_mmap_entry entries[E820_MAX];
    uint32_t count;
    uint32_t mem_lower, mem_upper;      /* KiB, as Multiboot defines them */
    uint32_t ram_end;                   /* end of the RAM that starts at 1 MiB */
};
void memmap_build(struct memmap *m);

/* ---- elf.c: the kernel ---- */
struct kernel_image {
    uint32_t entry;                     /* physical */
    uint32_t end;                       /* highest loaded address + 1 */
};
void load_kernel(const struct bfile *f, uint32_t ram_end, uint32_t hooks,
                 struct kernel_image *k);

static inline uint32_t align_up(uint32_t x, uint32_t a)
{
    return (x + a - 1) & ~(a - 1);
}

#endif
