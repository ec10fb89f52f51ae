/*
 * Loading the kernel: an ELF executable (System V ABI, "ELF-32" object
 * format) that must also carry a Multiboot header.
 *
 * Checked before anything is written to memory: the ELF identification
 * (magic, 32-bit class, little-endian, version), type ET_EXEC, machine
 * EM_386, a valid Multiboot header in the first 8 KiB, and every PT_LOAD
 * segment's place. Then each PT_LOAD segment, however many there are, is
 * copied to its *physical* address p_paddr (p_filesz bytes from the file)
 * and the rest up to p_memsz is zeroed (.bss). Other program headers
 * (PT_NOTE, PT_GNU_STACK, ...) describe nothing to load and are skipped.
 */
#include "stage2.h"

struct elf32_ehdr {
    uint8_t  ident[16];     /* 0x7F 'E' 'L' 'F', class, data, version, ... */
    uint16_t type;          /* 2 = ET_EXEC */
    uint16_t machine;       /* 3 = EM_386 */
    uint32_t version;
    uint32_t entry;
    uint32_t phoff;         /* program header table: file offset */
    uint32_t shoff;         /* section header table: file offset */
    uint32_t flags;
    uint16_t ehsize;
    uint16_t phentsize;     /* bytes per program header */
    uint16_t phnum;         /* PN_XNUM: the count is in section 0's sh_info */
    uint16_t shentsize;
    uint16_t shnum;
    uint16_t shstrndx;
} __attribute__((packed));

struct elf32_phdr {
    uint32_t type;          /* 1 = PT_LOAD */
    uint32_t offset;        /* where the bytes are in the file */
    uint32_t vaddr;         /* where the program sees them */
    uint32_t paddr;         /* where they go in physical memory: we use this */
    uint32_t filesz;        /* bytes in the file */
    uint32_t memsz;         /* bytes in memory; the rest is zeroed */
    uint32_t flags;
    uint32_t align;
} __attribute__((packed));

struct elf32_shdr {
    uint32_t name, type, flags, addr, offset, size, link, info, addralign, entsize;
} __attribute__((packed));

#define ELFCLASS32      1
#define ELFDATA2LSB     1
#define EV_CURRENT      1
#define ET_EXEC         2
#define EM_386          3
#define PT_LOAD         1
#define PN_XNUM         0xFFFF

#define MB_SEARCH_BYTES 8192
#define MB_SUPPORTED    0x0003  /* bit 0: page-aligned modules; bit 1: memory info */

static void check_ident(const struct elf32_ehdr *eh)
{
    if (memcmp(eh->ident, "\x7f" "ELF", 4) != 0)
        fatal("the kernel is not an ELF file (it does not start with 0x7F 'E' 'L' 'F')");
    if (eh->ident[4] != ELFCLASS32)
        fatal("the kernel is not a 32-bit ELF (class %u; ELFCLASS32 is 1)", eh->ident[4]);
    if (eh->ident[5] != ELFDATA2LSB || eh->ident[6] != EV_CURRENT)
        fatal("the kernel is not a little-endian version-1 ELF (data %u, version %u)",
              eh->ident[5], eh->ident[6]);
    if (eh->type != ET_EXEC)
        fatal("the kernel's ELF type is %u, not ET_EXEC (2): it must be a linked executable",
              eh->type);
    if (eh->machine != EM_386)
        fatal("the kernel's ELF machine is %u, not EM_386 (3): it is not an i386 program",
              eh->machine);
}

/* The number of program headers, which needs section header 0 when
 * there are 0xFFFF or more of them (ELF's "extended numbering"). */
static uint32_t phdr_count(const struct bfile *f, const struct elf32_ehdr *eh)
{
    if (eh->phentsize < sizeof(struct elf32_phdr))
        fatal("the kernel's program headers are %u bytes, less than %u",
              eh->phentsize, (uint32_t)sizeof(struct elf32_phdr));
    if (eh->phnum != PN_XNUM)
        return eh->phnum;
    struct elf32_shdr sh0;
    file_read(f, eh->shoff, &sh0, sizeof sh0);
    return sh0.info;
}

static void read_phdr(const struct bfile *f, const struct elf32_ehdr *eh, uint32_t i,
                      struct elf32_phdr *ph)
{
    file_read(f, eh->phoff + i * eh->phentsize, ph, sizeof *ph);
}

/* The Multiboot header: magic, flags, checksum (the three add up to 0),
 * 4-byte aligned within the file's first 8 KiB. Returns its flags. */
static uint32_t find_multiboot_header(const struct bfile *f)
{
    uint32_t limit = f->size < MB_SEARCH_BYTES ? f->size : MB_SEARCH_BYTES;
    bool bad_checksum = false;
    for (uint32_t off = 0; off + 12 <= limit; off += 4) {
        uint32_t h[3];
        file_read(f, off, h, sizeof h);
        if (h[0] != MULTIBOOT_HEADER_MAGIC)
            continue;
        if (h[0] + h[1] + h[2] != 0) {
            bad_checksum = true;
            continue;
        }
        bprintf("boot: Multiboot header at file offset 0x%x, flags 0x%x\n", off, h[1]);
        if (h[1] & 0xFFFF & ~MB_SUPPORTED)
            fatal("the kernel's Multiboot header requires features this loader lacks "
                  "(flags 0x%x; supported: 0x%x)", h[1], MB_SUPPORTED);
        return h[1];
    }
    fatal("the kernel has no Multiboot header in its first 8 KiB%s",
          bad_checksum ? " (magic 0x1BADB002 found, but the checksum is wrong)" : "");
}

/* Is this segment's memory somewhere we may write? */
static void check_segment(const struct bfile *f, uint32_t i, const struct elf32_phdr *ph,
                          uint32_t ram_end)
{
    uint32_t start = ph->paddr, end = ph->paddr + ph->memsz;
    if (ph->filesz > ph->memsz)
        fatal("kernel segment %u has p_filesz %u > p_memsz %u", i, ph->filesz, ph->memsz);
    if (ph->offset > f->size || ph->filesz > f->size - ph->offset)
        fatal("kernel segment %u lies past the end of the file", i);
    if (end < start)
        fatal("kernel segment %u wraps around the 4 GiB address space", i);
    if (start < KERNEL_MIN_ADDR)
        fatal("kernel segment %u (0x%08x-0x%08x) starts below 1 MiB, over the loader",
              i, start, end);
    if (end > KERNEL_END_LIMIT)
        fatal("the kernel is too big: segment %u (0x%08x-0x%08x) ends above 16 MiB, "
              "the limit for this loader", i, start, end);
    if (end > ram_end)
        fatal("kernel segment %u (0x%08x-0x%08x) does not fit in RAM (it ends at 0x%08x)",
              i, start, end, ram_end);
}

/* e_entry as a physical address: in a segment's p_paddr range as it is,
 * or else in one's p_vaddr range and translated the same way. */
static uint32_t physical_entry(const struct bfile *f, const struct elf32_ehdr *eh, uint32_t n)
{
    struct elf32_phdr ph;
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; i < n; i++) {
            read_phdr(f, eh, i, &ph);
            uint32_t base = pass == 0 ? ph.paddr : ph.vaddr;
            if (ph.type == PT_LOAD && eh->entry - base < ph.memsz)
                return eh->entry - base + ph.paddr;
        }
    }
    fatal("the kernel's entry point 0x%08x is in none of its segments", eh->entry);
}

void load_kernel(const struct bfile *f, uint32_t ram_end, uint32_t hooks, struct kernel_image *k)
{
    struct elf32_ehdr eh;
    if (f->size < sizeof eh)
        fatal("the kernel is not an ELF file (only %u bytes)", f->size);
    file_read(f, 0, &eh, sizeof eh);
    check_ident(&eh);
    uint32_t n = phdr_count(f, &eh);
    find_multiboot_header(f);

    /* Pass 1: check every segment before touching memory. */
    struct elf32_phdr ph;
    uint32_t loads = 0;
    k->end = 0;
    for (uint32_t i = 0; i < n; i++) {
        read_phdr(f, &eh, i, &ph);
        if (ph.type != PT_LOAD || ph.memsz == 0)
            continue;
        check_segment(f, i, &ph, ram_end);
        loads++;
        if (ph.paddr + ph.memsz > k->end)
            k->end = ph.paddr + ph.memsz;
    }
    if (loads == 0)
        fatal("the kernel has no PT_LOAD segment: nothing to load");
    k->entry = physical_entry(f, &eh, n);

    if (hooks & BOOT_HOOK_POISON) {
        bprintf("boot: test hook: filling 0x%08x-0x%08x with 0xCC\n", KERNEL_MIN_ADDR, k->end);
        memset((void *)KERNEL_MIN_ADDR, 0xCC, k->end - KERNEL_MIN_ADDR);
    }

    /* Pass 2: copy, then zero the tail (.bss). */
    bprintf("boot: kernel: %u program headers, %u to load, entry 0x%08x\n", n, loads, k->entry);
    for (uint32_t i = 0; i < n; i++) {
        read_phdr(f, &eh, i, &ph);
        if (ph.type != PT_LOAD || ph.memsz == 0)
            continue;
        bprintf("boot:   segment %u: 0x%08x-0x%08x, %u bytes from offset 0x%x, %u zeroed\n",
                i, ph.paddr, ph.paddr + ph.memsz, ph.filesz, ph.offset, ph.memsz - ph.filesz);
        file_read(f, ph.offset, (void *)ph.paddr, ph.filesz);
        memset((void *)(ph.paddr + ph.filesz), 0, ph.memsz - ph.filesz);
    }
}
