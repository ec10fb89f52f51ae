/*
 * The initramfs: a cpio archive ("newc" format) that the boot loader
 * passes as a Multiboot module. It holds the user programs as /bin/NAME.
 * The kernel parses it once at boot; tmpfs (fs/tmpfs.c) then holds its
 * entries, reading each file's bytes in place until the file is changed.
 */
#ifndef FS_INITRAMFS_H
#define FS_INITRAMFS_H

#include <stdbool.h>
#include <stdint.h>

struct ramfile {
    char name[64];              /* path without the leading '/', e.g. "bin/sh" */
    const uint8_t *data;
    uint32_t size;
    bool is_dir;                /* a directory (else a file) */
};

#define RAMFS_MAX_FILES 256

/* Parses the archive in memory; returns the number of entries or -1 with
 * a message naming the problem (entries before it remain usable). */
int initramfs_parse(const uint8_t *archive, uint32_t size);
/* Finds the first boot module and parses it; reports what it found. */
void initramfs_init(void);
/* Entry i (0, 1, ...) in the archive's order; NULL past the last. */
const struct ramfile *initramfs_entry(int i);

#endif
