/*
 * What the boot loader told us, copied out of the Multiboot information
 * structure at the very start (before any frame is handed out, since the
 * loader may have put the structure in memory we are about to reuse).
 */
#ifndef CORE_BOOTINFO_H
#define CORE_BOOTINFO_H

#include <stdint.h>

#define BOOTINFO_MAX_REGIONS 32
#define BOOTINFO_MAX_MODULES 8

struct phys_range {
    uint64_t start;
    uint64_t end;               /* one past the last byte */
};

struct boot_module {
    uint32_t start, end;        /* physical */
    char name[64];              /* the module's command line */
};

struct bootinfo {
    struct phys_range ram[BOOTINFO_MAX_REGIONS];   /* available RAM */
    int nram;
    struct boot_module modules[BOOTINFO_MAX_MODULES];
    int nmodules;
    const char *source;         /* "memory map" or "mem_lower/mem_upper" */
};

extern struct bootinfo bootinfo;

/* Checks magic and copies the information; on bad input prints why and
 * stops the machine. Returns the command line (copied). */
const char *bootinfo_load(uint32_t magic, uint32_t info_phys);

#endif
