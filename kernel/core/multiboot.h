/*
 * The Multiboot (version 1) information structure: what a loader hands the
 * kernel in EBX. Field layout from the Multiboot Specification 0.6.96,
 * section 3.3. Shared by the kernel and our own loader in boot/.
 */
#ifndef CORE_MULTIBOOT_H
#define CORE_MULTIBOOT_H

#include <stdint.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002u  /* in EAX at kernel entry */
#define MULTIBOOT_HEADER_MAGIC     0x1BADB002u  /* in the kernel image */

/* multiboot_info.flags: which fields are valid. */
#define MB_INFO_MEMORY   (1u << 0)   /* mem_lower, mem_upper */
#define MB_INFO_CMDLINE  (1u << 2)
#define MB_INFO_MODS     (1u << 3)
#define MB_INFO_MMAP     (1u << 6)   /* mmap_length, mmap_addr */

struct multiboot_info {
    uint32_t flags;
    uint32_t mem_lower;     /* KiB of memory from 0 (at most 640) */
    uint32_t mem_upper;     /* KiB of memory from 1 MiB, up to the first hole */
    uint32_t boot_device;
    uint32_t cmdline;       /* physical address of a C string */
    uint32_t mods_count;
    uint32_t mods_addr;     /* physical address of mods_count multiboot_module */
    uint32_t syms[4];
    uint32_t mmap_length;   /* bytes of the memory map */
    uint32_t mmap_addr;     /* physical address of the first multiboot_mmap_entry */
    uint32_t drives_length;
    uint32_t drives_addr;
    uint32_t config_table;
    uint32_t boot_loader_name;
    uint32_t apm_table;
    uint32_t vbe[6];
} __attribute__((packed));

struct multiboot_module {
    uint32_t mod_start;     /* physical, first byte */
    uint32_t mod_end;       /* physical, one past the last byte */
    uint32_t string;        /* physical address of the module's command line */
    uint32_t reserved;
} __attribute__((packed));

/*
 * One memory-map entry. `size` is the size of the rest of the entry (at
 * least 20): the next entry starts size + 4 bytes after this one.
 */
struct multiboot_mmap_entry {
    uint32_t size;
    uint64_t addr;
    uint64_t len;
    uint32_t type;          /* 1 = available RAM; anything else is reserved */
} __attribute__((packed));

#define MB_MMAP_AVAILABLE 1

#endif
