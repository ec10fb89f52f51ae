/* The parts of the ELF format (System V ABI, i386 supplement) exec reads. */
#ifndef PROC_ELF_H
#define PROC_ELF_H

#include <stdint.h>

#define ELF_MAGIC    0x464C457Fu        /* "\x7FELF" read little-endian */
#define ELFCLASS32   1
#define ELFDATA2LSB  1
#define ET_EXEC      2
#define EM_386       3
#define PT_LOAD      1
#define PF_X         1
#define PF_W         2
#define PF_R         4

struct elf_header {
    uint32_t magic;
    uint8_t class, data, version, osabi;
    uint8_t pad[8];
    uint16_t type;
    uint16_t machine;
    uint32_t version2;
    uint32_t entry;
    uint32_t phoff;             /* program header table's file offset */
    uint32_t shoff;
    uint32_t flags;
    uint16_t ehsize;
    uint16_t phentsize;
    uint16_t phnum;
    uint16_t shentsize;
    uint16_t shnum;
    uint16_t shstrndx;
};

struct elf_phdr {
    uint32_t type;
    uint32_t offset;
    uint32_t vaddr;
    uint32_t paddr;
    uint32_t filesz;
    uint32_t memsz;
    uint32_t flags;
    uint32_t align;
};

#endif
