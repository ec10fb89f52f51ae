/*
 * Finding the MADT ("APIC" table) through ACPI (ACPI spec, chapter 5):
 *
 *   RSDP "RSD PTR " (found in the BIOS areas, 20 bytes summing to 0)
 *     -> RSDT (at RSDP offset 16: a table header, then 32-bit addresses)
 *       -> MADT: header, local APIC address, flags, then entries
 *          type 0 local APIC: uid, APIC id, flags (bit 0 enabled)
 *          type 1 I/O APIC: id, reserved, address, first GSI
 *          type 2 interrupt source override: bus, IRQ, GSI, INTI flags
 *
 * The RSDT's 32-bit pointers are enough for a 32-bit kernel (the XSDT's
 * 64-bit ones would point at the same tables). Also the bare search used
 * by mp.c: both specs look in the same BIOS areas.
 */
#include "arch/x86/firmware.h"

#include "arch/x86/paging.h"
#include "lib/string.h"

#define BDA_EBDA_SEGMENT 0x40E  /* BIOS data area: EBDA's real-mode segment */

struct sdt_header {
    char signature[4];
    uint32_t length;            /* the whole table, header included */
    uint8_t revision;
    uint8_t checksum;
    char oem[6], oem_table[8];
    uint32_t oem_revision, creator, creator_revision;
} __attribute__((packed));

struct madt {
    struct sdt_header h;
    uint32_t lapic_phys;
    uint32_t flags;
    uint8_t entries[];
} __attribute__((packed));

struct madt_entry {
    uint8_t type, length;
    union {
        struct { uint8_t uid, apic_id; uint32_t flags; } __attribute__((packed)) lapic;
        struct { uint8_t id, reserved; uint32_t phys, gsi_base; } __attribute__((packed)) ioapic;
        struct { uint8_t bus, irq; uint32_t gsi; uint16_t flags; } __attribute__((packed)) iso;
    };
} __attribute__((packed));

#define MADT_LAPIC    0
#define MADT_IOAPIC   1
#define MADT_OVERRIDE 2
#define LAPIC_ENABLED 1

const void *fw_scan(uint32_t start, uint32_t len, const char *sig, int sig_len, uint32_t sum_len)
{
    const uint8_t *p = paging_direct(start, len);
    if (!p)
        return 0;
    uint32_t first4;            /* one compare per step: this scan is on the boot path */
    memcpy(&first4, sig, 4);
    for (uint32_t off = 0; off + sum_len <= len; off += 16)
        if (*(const uint32_t *)(p + off) == first4 && memcmp(p + off, sig, (size_t)sig_len) == 0
            && fw_checksum_ok(p + off, sum_len))
            return p + off;
    return 0;
}

const void *fw_scan_bios(const char *sig, int sig_len, uint32_t sum_len)
{
    const uint16_t *ebda_seg = paging_direct(BDA_EBDA_SEGMENT, 2);
    const void *found = 0;
    if (ebda_seg && *ebda_seg)
        found = fw_scan((uint32_t)*ebda_seg << 4, 1024, sig, sig_len, sum_len);
    return found ? found : fw_scan(0xE0000, 0x20000, sig, sig_len, sum_len);
}

/* A whole table, mapped and with a good checksum, or NULL. */
static const struct sdt_header *table_at(uint32_t pa)
{
    const struct sdt_header *h = paging_direct(pa, sizeof *h);
    if (!h || h->length < sizeof *h || !paging_direct(pa, h->length))
        return 0;
    return fw_checksum_ok(h, h->length) ? h : 0;
}

static const struct madt *find_madt(void)
{
    const uint8_t *rsdp = fw_scan_bios("RSD PTR ", 8, 20);
    if (!rsdp)
        return 0;
    const struct sdt_header *rsdt = table_at(*(const uint32_t *)(rsdp + 16));
    if (!rsdt || memcmp(rsdt->signature, "RSDT", 4) != 0)
        return 0;
    const uint32_t *tables = (const uint32_t *)(rsdt + 1);
    uint32_t n = (rsdt->length - sizeof *rsdt) / 4;
    for (uint32_t i = 0; i < n; i++) {
        const struct sdt_header *t = table_at(tables[i]);
        if (t && memcmp(t->signature, "APIC", 4) == 0 && t->length >= sizeof(struct madt))
            return (const struct madt *)t;
    }
    return 0;
}

static void read_entry(struct fw_config *fw, const struct madt_entry *e)
{
    if (e->type == MADT_LAPIC && e->length >= 8 && (e->lapic.flags & LAPIC_ENABLED))
        fw_add_cpu(fw, e->lapic.apic_id);
    else if (e->type == MADT_IOAPIC && e->length >= 12 && e->ioapic.gsi_base == 0) {
        fw->have_ioapic = true;
        fw->ioapic_phys = e->ioapic.phys;
        fw->ioapic_gsi_base = e->ioapic.gsi_base;
    } else if (e->type == MADT_OVERRIDE && e->length >= 10 && e->iso.bus == 0)
        fw_add_override(fw, e->iso.irq, e->iso.gsi, e->iso.flags);
}

bool acpi_read_madt(struct fw_config *fw)
{
    const struct madt *madt = find_madt();
    if (!madt)
        return false;
    fw->source = "ACPI MADT";
    fw->lapic_phys = madt->lapic_phys;
    const uint8_t *p = madt->entries, *end = (const uint8_t *)madt + madt->h.length;
    while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
        read_entry(fw, (const struct madt_entry *)p);
        p += p[1];
    }
    return fw->ncpu_listed > 0;
}
