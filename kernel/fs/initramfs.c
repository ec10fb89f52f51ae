/*
 * cpio "newc" parsing. Each entry is a 110-byte ASCII header: the magic
 * "070701" and thirteen 8-digit hex fields (ino, mode, uid, gid, nlink,
 * mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, namesize,
 * check), then the name (namesize bytes with its NUL), padded to a
 * multiple of 4 from the header's start, then the data, padded to 4.
 * The entry named "TRAILER!!!" ends the archive.
 */
#include "fs/initramfs.h"

#include <stdbool.h>

#include "core/bootinfo.h"
#include "core/kprintf.h"
#include "lib/string.h"
#include "mm/memlayout.h"

#define HEADER_LEN 110
#define FIELD_MODE 1
#define FIELD_FILESIZE 6
#define FIELD_NAMESIZE 11
#define MODE_TYPE 0170000
#define MODE_DIR  0040000

/* Written once at boot, then read-only: no lock. */
static struct ramfile files[RAMFS_MAX_FILES];
static int nfiles;

static uint32_t align4(uint32_t x)
{
    return (x + 3) & ~3u;
}

/* Field i of a header; false if it is not 8 hex digits. */
static bool hex_field(const uint8_t *hdr, int i, uint32_t *out)
{
    uint32_t v = 0;
    for (int k = 0; k < 8; k++) {
        char c = (char)hdr[6 + 8 * i + k];
        int d = c >= '0' && c <= '9' ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return false;
        v = v << 4 | (uint32_t)d;
    }
    *out = v;
    return true;
}

static int parse_error(uint32_t off, const char *why)
{
    kprintf("initramfs: %s at offset %u; using the %d entries before it\n", why, off, nfiles);
    return -1;
}

int initramfs_parse(const uint8_t *a, uint32_t size)
{
    nfiles = 0;
    uint32_t off = 0;
    for (;;) {
        if (size - off < HEADER_LEN || off > size)
            return parse_error(off, "archive ends without a TRAILER!!! entry");
        const uint8_t *h = a + off;
        uint32_t mode, fsize, nsize;
        if (memcmp(h, "070701", 6) != 0)
            return parse_error(off, "not a cpio newc header (magic is not 070701)");
        if (!hex_field(h, FIELD_MODE, &mode) || !hex_field(h, FIELD_FILESIZE, &fsize) ||
            !hex_field(h, FIELD_NAMESIZE, &nsize))
            return parse_error(off, "malformed header field");
        uint32_t name_off = off + HEADER_LEN;
        uint32_t data_off = align4(name_off + nsize);
        if (nsize == 0 || nsize > size - name_off || data_off > size || fsize > size - data_off ||
            a[name_off + nsize - 1] != '\0')
            return parse_error(off, "entry runs past the end of the archive");
        const char *name = (const char *)a + name_off;
        if (strcmp(name, "TRAILER!!!") == 0)
            return nfiles;
        while (name[0] == '/' || (name[0] == '.' && name[1] == '/'))
            name += name[0] == '/' ? 1 : 2;
        if (nfiles == RAMFS_MAX_FILES)
            return parse_error(off, "too many entries");
        if (*name && strcmp(name, ".") != 0) {
            struct ramfile *f = &files[nfiles++];
            strlcpy(f->name, name, sizeof f->name);
            f->data = a + data_off;
            f->size = fsize;
            f->is_dir = (mode & MODE_TYPE) == MODE_DIR;
        }
        off = align4(data_off + fsize);
    }
}

void initramfs_init(void)
{
    if (bootinfo.nmodules == 0) {
        kprintf("initramfs: no boot module; there are no programs to run\n");
        return;
    }
    const struct boot_module *m = &bootinfo.modules[0];
    int n = initramfs_parse(P2V(m->start), m->end - m->start);
    kprintf("initramfs: %d entries, %u bytes\n", n < 0 ? nfiles : n, m->end - m->start);
}

const struct ramfile *initramfs_entry(int i)
{
    return i >= 0 && i < nfiles ? &files[i] : 0;
}
