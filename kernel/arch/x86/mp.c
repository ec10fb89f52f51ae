/*
 * The Intel MultiProcessor Specification 1.4 tables, the fallback for
 * machines without ACPI:
 *
 *   floating pointer "_MP_" (16 bytes summing to 0, in the BIOS areas):
 *     offset 4: physical address of the configuration table (0: none,
 *     one of the spec's default configurations, which we do not handle)
 *   configuration table "PCMP": 44-byte header (entry count at 34, local
 *     APIC address at 36), then entries, the first byte giving the type:
 *     0 processor (20 bytes: APIC id, version, flags bit 0 usable)
 *     1 bus (8: id, 6-byte name such as "ISA   ")
 *     2 I/O APIC (8: id, version, flags, address)
 *     3 I/O interrupt (8: type, INTI flags, source bus, bus IRQ,
 *       destination I/O APIC id, its pin)
 *     4 local interrupt (8)
 */
#include "arch/x86/firmware.h"

#include "arch/x86/paging.h"
#include "lib/string.h"

struct mp_header {
    char signature[4];          /* "PCMP" */
    uint16_t length;
    uint8_t revision, checksum;
    char oem[8], product[12];
    uint32_t oem_table;
    uint16_t oem_table_size;
    uint16_t entries;
    uint32_t lapic_phys;
    uint16_t ext_length;
    uint8_t ext_checksum, reserved;
} __attribute__((packed));

#define MP_PROCESSOR 0
#define MP_BUS       1
#define MP_IOAPIC    2
#define MP_IOINTR    3
#define MP_USABLE    1
#define MP_INT       0          /* interrupt type: a vectored interrupt */
#define MAX_BUSES    256

static int entry_size(uint8_t type)
{
    return type == MP_PROCESSOR ? 20 : type <= 4 ? 8 : 0;
}

static void read_entry(struct fw_config *fw, const uint8_t *e, bool *isa_bus)
{
    if (e[0] == MP_PROCESSOR && (e[3] & MP_USABLE))
        fw_add_cpu(fw, e[1]);
    else if (e[0] == MP_BUS)
        isa_bus[e[1]] = memcmp(e + 2, "ISA   ", 6) == 0;
    else if (e[0] == MP_IOAPIC && (e[3] & 1) && !fw->have_ioapic) {
        fw->have_ioapic = true;
        fw->ioapic_phys = *(const uint32_t *)(e + 4);
        fw->ioapic_gsi_base = 0;
    } else if (e[0] == MP_IOINTR && e[1] == MP_INT && isa_bus[e[4]] && e[5] != e[7])
        fw_add_override(fw, e[5], e[7], *(const uint16_t *)(e + 2));
}

bool mp_read_table(struct fw_config *fw)
{
    const uint8_t *fp = fw_scan_bios("_MP_", 4, 16);
    if (!fp || !*(const uint32_t *)(fp + 4))
        return false;
    uint32_t pa = *(const uint32_t *)(fp + 4);
    const struct mp_header *h = paging_direct(pa, sizeof *h);
    if (!h || memcmp(h->signature, "PCMP", 4) != 0 || !paging_direct(pa, h->length)
        || !fw_checksum_ok(h, h->length))
        return false;
    static bool isa_bus[MAX_BUSES];
    fw->source = "MP table";
    fw->lapic_phys = h->lapic_phys;
    const uint8_t *e = (const uint8_t *)(h + 1), *end = (const uint8_t *)h + h->length;
    for (int i = 0; i < h->entries && e < end && entry_size(e[0]); i++) {
        read_entry(fw, e, isa_bus);
        e += entry_size(e[0]);
    }
    return fw->ncpu_listed > 0;
}
