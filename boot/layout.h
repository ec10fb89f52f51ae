/*
 * The boot loader's fixed addresses and on-disk formats, shared by the MBR
 * (boot/mbr.S), stage 2 (boot/stage2.S and the C files) and, by hand, by
 * tools/mkimage.py: a number changed here must be changed there too.
 * Only #defines, so the assembler can include it. docs/boot.md draws the
 * memory map and the disk layout these numbers describe.
 */
#ifndef BOOT_LAYOUT_H
#define BOOT_LAYOUT_H

/* ---- memory while the loader runs (physical; all below 1 MiB) ---------- */
#define STACK_TOP           0x7C00  /* grows down towards 0x500 */
#define MBR_ADDR            0x7C00  /* where every PC BIOS loads sector 0 */
#define STAGE2_ADDR         0x7E00  /* right after the MBR */
#define STAGE2_END_LIMIT    0x10000 /* stage 2 code, data AND bss end below:
                                       real-mode code reaches it with segment 0 */
#define STAGE2_MAX_SECTORS  64      /* image size on disk: at most 32 KiB */
#define VGA_TEXT            0xB8000 /* 80x25 colour text screen */
#define BDA_CURSOR          0x450   /* BIOS data area: page-0 cursor column, row */

/* ---- the MBR (sector 0) ---------------------------------------------- */
/* A 16-bit count of stage-2 sectors that mkimage.py writes into the MBR.
 * 0x1BC is the 2 "reserved" bytes just before the partition table. */
#define MBR_STAGE2_SECTORS  0x1BC
#define MBR_SIGNATURE       0x1FE   /* 0x55, 0xAA */

/* ---- stage 2 (sectors 1 .. n) ---------------------------------------- */
#define STAGE2_MAGIC        0x3253524F  /* "ORS2": the first 4 bytes of stage 2 */
#define STAGE2_ENTRY        (STAGE2_ADDR + 4)   /* real-mode code starts after it */

/* ---- the boot configuration sector (sector n + 1) --------------------
 * All little-endian:
 *   0  u32  magic "ORBC" (BOOTCFG_MAGIC)
 *   4  u16  version (BOOTCFG_VERSION)
 *   6  u16  nfiles: entries in the file table (0 .. BOOTCFG_MAX_FILES);
 *           entry 0 is the kernel, entries 1.. are modules, in order
 *   8  u32  test hooks (BOOT_HOOK_* bits; 0 in a normal image)
 *  12  u32  checksum: the sector's 128 dwords add up to 0 (mod 2^32)
 *  16  12 bytes per file: u32 start LBA, u32 size in bytes,
 *           u16 offset in this sector of the file's NUL-terminated string
 *           (the kernel's: the kernel command line; a module's: its
 *           Multiboot string), u16 reserved (0)
 *  ..  the strings, then zeros up to byte 511
 */
#define BOOTCFG_MAGIC       0x4342524F  /* "ORBC" */
#define BOOTCFG_VERSION     1
#define BOOTCFG_MAX_FILES   16          /* the kernel and up to 15 modules */
#define BOOTCFG_FILES_OFF   16
#define BOOTCFG_FILE_SIZE   12

/* Test hooks: make the loader hand the kernel bad input on purpose, or
 * take a path it would not take on QEMU. Set with mkimage.py --test-hook. */
#define BOOT_HOOK_BAD_MAGIC   0x01  /* EAX != 0x2BADB002 at the kernel's entry */
#define BOOT_HOOK_NO_MEMINFO  0x02  /* flags without bit 0 (mem_*) and bit 6 (mmap) */
#define BOOT_HOOK_BAD_MMAP    0x04  /* first mmap entry has size 12 (< 20) */
#define BOOT_HOOK_A20_OFF     0x08  /* switch A20 off first, then enable it */
#define BOOT_HOOK_A20_KBC     0x10  /* like A20_OFF, but skip port 0x92: use the 8042 */
#define BOOT_HOOK_POISON      0x20  /* fill the kernel's memory with 0xCC first */

/* ---- what the loader may load where ----------------------------------- */
#define KERNEL_MIN_ADDR     0x100000    /* nothing below 1 MiB: the loader lives there */
#define KERNEL_END_LIMIT    0x1000000   /* every kernel segment ends at or below 16 MiB */

/* ---- protected mode: our GDT's selectors ------------------------------ */
#define SEL_CODE32          0x08
#define SEL_DATA32          0x10

/* ---- the BIOS E820 memory map ----------------------------------------- */
#define E820_MAX            64          /* entries kept */
#define E820_ENTRY_SIZE     24          /* base u64, length u64, type u32, ACPI 3 attributes u32 */
#define SMAP                0x534D4150  /* "SMAP", in EDX in and EAX out */

#endif
