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
#include "fs/file.h"
#include "lib/string.h"
#include "mm/memlayout.h"
#include "mm/uaccess.h"

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
            f->mode = mode;
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

const struct ramfile *initramfs_lookup(const char *path)
{
    while (*path == '/')
        path++;
    size_t len = strlen(path);
    while (len > 0 && path[len - 1] == '/')
        len--;                  /* "bin/" names the directory "bin" */
    for (int i = 0; i < nfiles; i++)
        if (strncmp(files[i].name, path, len) == 0 && files[i].name[len] == '\0')
            return &files[i];
    return 0;
}

/* Reading a file: bytes from the current offset. */
static int ramfile_read(struct file *f, uaddr_t buf, int n)
{
    const struct ramfile *rf = f->priv;
    uint32_t left = rf->size - f->offset;
    uint32_t count = (uint32_t)n < left ? (uint32_t)n : left;
    if (copyout(buf, rf->data + f->offset, count) < 0)
        return -1;
    f->offset += count;
    return (int)count;
}

/*
 * Reading a directory: the names of the entries directly inside it, one
 * per line ("ls" prints them). f->offset counts bytes of that listing.
 */
static int dir_read(struct file *f, uaddr_t buf, int n)
{
    const struct ramfile *dir = f->priv;
    size_t plen = strlen(dir->name);
    uint32_t pos = 0, done = 0;
    for (int i = 0; i < nfiles && done < (uint32_t)n; i++) {
        const char *name = files[i].name;
        if (plen && (strncmp(name, dir->name, plen) != 0 || name[plen] != '/'))
            continue;
        const char *leaf = plen ? name + plen + 1 : name;
        if (!*leaf || strchr(leaf, '/'))
            continue;           /* not directly inside */
        uint32_t len = (uint32_t)strlen(leaf);
        bool is_dir = (files[i].mode & MODE_TYPE) == MODE_DIR;
        /* The line: the name, a '/' for a directory, a newline. */
        for (uint32_t k = 0; k <= len + is_dir && done < (uint32_t)n; k++, pos++) {
            if (pos < f->offset)
                continue;
            char c = k < len ? leaf[k] : k == len && is_dir ? '/' : '\n';
            if (copyout(buf + done, &c, 1) < 0)
                return -1;
            done++;
            f->offset++;
        }
    }
    return (int)done;
}

static const struct file_ops ramfile_ops = { .read = ramfile_read };
static const struct file_ops dir_ops = { .read = dir_read };
static struct ramfile root_dir = { .name = "", .mode = MODE_DIR };

struct file *initramfs_open(const char *path)
{
    const struct ramfile *rf = initramfs_lookup(path);
    while (*path == '/')
        path++;
    if (!*path)
        rf = &root_dir;
    if (!rf)
        return 0;
    bool dir = (rf->mode & MODE_TYPE) == MODE_DIR;
    return file_alloc(dir ? &dir_ops : &ramfile_ops, (void *)rf, true, false);
}
