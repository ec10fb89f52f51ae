/*
 * The kernel's own symbol table, linked in by the second link pass (see
 * the Makefile and tools/mksyms.py), so backtraces name functions even
 * though no loader passes us section headers.
 */
#ifndef CORE_KSYMS_H
#define CORE_KSYMS_H

#include <stdint.h>

/* The function containing addr and addr's offset in it; NULL if unknown. */
const char *ksyms_lookup(uint32_t addr, uint32_t *offset);
/* Prints "name+0xoff (0xaddr)", or just the address. */
void ksyms_print(uint32_t addr);

#endif
