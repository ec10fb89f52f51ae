/*
 * The initramfs: a cpio archive ("newc" format) that the boot loader
 * passes as a Multiboot module. It holds the user programs as /bin/NAME.
 * The kernel parses it once at boot and serves its files read-only, in
 * place (no copying): exec loads programs from it, open/read read it.
 */
#ifndef FS_INITRAMFS_H
#define FS_INITRAMFS_H

#include <stdint.h>

struct file;

struct ramfile {
    char name[64];              /* path without the leading '/', e.g. "bin/sh" */
    const uint8_t *data;
    uint32_t size;
    uint32_t mode;              /* cpio mode: 0040000 directory, 0100000 file */
};

#define RAMFS_MAX_FILES 256

/* Parses the archive in memory; returns the number of entries or -1 with
 * a message naming the problem (entries before it remain usable). */
int initramfs_parse(const uint8_t *archive, uint32_t size);
/* Finds the first boot module and parses it; reports what it found. */
void initramfs_init(void);
/* "/bin/sh", "bin/sh" → the entry; NULL if absent. */
const struct ramfile *initramfs_lookup(const char *path);
/* An open file (or directory listing) for path; NULL if absent. */
struct file *initramfs_open(const char *path);

#endif
