/*
 * A program's one-line description, read from its file: the build puts
 * it in an ELF section named .description (user/user.mk). The file is
 * read whole (there is no lseek), then the section headers are searched
 * for that name.
 */
#include "proc/elf.h"
#include "user.h"

#define FILE_MAX (1 << 20)      /* larger programs have no description */

struct elf_shdr {
    uint32_t name;              /* offset in the section-name table */
    uint32_t type, flags, addr;
    uint32_t offset, size;      /* the section's bytes in the file */
    uint32_t link, info, addralign, entsize;
};

/* Reads the whole file into a malloc'd buffer; returns its size or -1. */
static int read_all(const char *path, char **out)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    int cap = 16384, len = 0, n;
    char *buf = malloc((size_t)cap);
    while (buf && (n = read(fd, buf + len, cap - len)) > 0) {
        len += n;
        if (len == cap && cap < FILE_MAX) {
            char *bigger = malloc((size_t)cap * 2);
            if (bigger)
                memcpy(bigger, buf, (size_t)len);
            free(buf);
            buf = bigger;
            cap *= 2;
        }
    }
    close(fd);
    *out = buf;
    return buf ? len : -1;
}

/* The section header at index i, if it lies inside the file. */
static const struct elf_shdr *section(const char *f, int size, int i)
{
    const struct elf_header *eh = (const void *)f;
    uint32_t at = eh->shoff + (uint32_t)i * sizeof(struct elf_shdr);
    if (i >= eh->shnum || at < eh->shoff || at + sizeof(struct elf_shdr) > (uint32_t)size)
        return 0;
    return (const void *)(f + at);
}

static int find_description(const char *f, int size, char *out, int n)
{
    const struct elf_header *eh = (const void *)f;
    if (size < (int)sizeof *eh || eh->magic != ELF_MAGIC ||
        eh->shentsize != sizeof(struct elf_shdr))
        return -1;
    const struct elf_shdr *names = section(f, size, eh->shstrndx);
    for (int i = 0; names && i < eh->shnum; i++) {
        const struct elf_shdr *sh = section(f, size, i);
        uint32_t name = names->offset + sh->name;
        if (names->offset >= (uint32_t)size || sh->name >= (uint32_t)size ||
            name + sizeof ".description" > (uint32_t)size ||
            memcmp(f + name, ".description", sizeof ".description") != 0 ||
            sh->offset >= (uint32_t)size || sh->size > (uint32_t)size - sh->offset ||
            sh->size == 0)
            continue;
        int len = (int)sh->size < n - 1 ? (int)sh->size : n - 1;
        memcpy(out, f + sh->offset, (size_t)len);
        while (len > 0 && out[len - 1] == '\n')
            len--;
        out[len] = '\0';
        return 0;
    }
    return -1;
}

int program_description(const char *path, char *out, int n)
{
    char *f;
    int size = read_all(path, &f);
    if (size < 0)
        return -1;
    int r = find_description(f, size, out, n);
    free(f);
    return r;
}
