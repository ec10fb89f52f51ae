/*
 * What the firmware says about the machine's CPUs and interrupt
 * controllers, from ACPI's MADT (arch/x86/acpi.c) or the older Intel MP
 * tables (arch/x86/mp.c); arch/x86/smp.c acts on it.
 */
#ifndef ARCH_X86_FIRMWARE_H
#define ARCH_X86_FIRMWARE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/cpu.h"

#define FW_MAX_OVERRIDES 16

struct fw_config {
    const char *source;             /* "ACPI MADT" or "MP table" */
    uint32_t lapic_phys;            /* every CPU's local APIC, here */
    int ncpu_listed;                /* usable CPUs listed, even beyond NCPU */
    int apic_ids[NCPU];             /* the first NCPU of them */
    bool have_ioapic;
    uint32_t ioapic_phys;           /* the I/O APIC that has GSI 0 */
    uint32_t ioapic_gsi_base;
    int noverrides;                 /* ISA IRQ -> GSI with INTI flags */
    struct { int irq; uint32_t gsi; uint16_t flags; } overrides[FW_MAX_OVERRIDES];
};

static inline void fw_add_cpu(struct fw_config *fw, int apic_id)
{
    if (fw->ncpu_listed < NCPU)
        fw->apic_ids[fw->ncpu_listed] = apic_id;
    fw->ncpu_listed++;
}

static inline void fw_add_override(struct fw_config *fw, int irq, uint32_t gsi, uint16_t flags)
{
    if (fw->noverrides < FW_MAX_OVERRIDES)
        fw->overrides[fw->noverrides++] = (typeof(fw->overrides[0])){ irq, gsi, flags };
}

/* A byte sum of 0 mod 256: how ACPI and MP tables prove they are whole. */
static inline bool fw_checksum_ok(const void *p, uint32_t len)
{
    uint8_t sum = 0;
    for (uint32_t i = 0; i < len; i++)
        sum = (uint8_t)(sum + ((const uint8_t *)p)[i]);
    return sum == 0;
}

/* Scans physical [start, start+len) at 16-byte steps for a structure
 * that starts with sig (sig_len bytes) and whose first sum_len bytes sum
 * to 0. Returns its kernel address or NULL. */
const void *fw_scan(uint32_t start, uint32_t len, const char *sig, int sig_len, uint32_t sum_len);
/* The BIOS areas both specs search: the first KiB of the extended BIOS
 * data area, then the BIOS ROM (0xE0000-0xFFFFF). */
const void *fw_scan_bios(const char *sig, int sig_len, uint32_t sum_len);

/* Each fills *fw and returns true when its table exists and makes sense. */
bool acpi_read_madt(struct fw_config *fw);
bool mp_read_table(struct fw_config *fw);

#endif
