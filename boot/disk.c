/*
 * Reading the disk without the BIOS: ATA PIO, LBA28, on the primary IDE
 * channel's master drive (ports 0x1F0-0x1F7, control 0x3F6), which is
 * what QEMU's -drive ...,index=0 and most PCs' first disk are. Polled, no
 * interrupts. Every wait is bounded, so a missing or stuck drive ends in
 * a message instead of a silent hang.
 *
 * file_read() on top gives byte-granular reads of a file of the image
 * (start LBA + size): whole sectors go straight to their destination,
 * partial ones through a one-sector cache.
 */
#include "stage2.h"

#define ATA_DATA        0x1F0   /* 16-bit data register */
#define ATA_ERROR       0x1F1   /* why ERR is set */
#define ATA_COUNT       0x1F2   /* sectors to transfer (0 means 256) */
#define ATA_LBA_LOW     0x1F3   /* LBA bits 0-7 */
#define ATA_LBA_MID     0x1F4   /* bits 8-15 */
#define ATA_LBA_HIGH    0x1F5   /* bits 16-23 */
#define ATA_DRIVE       0x1F6   /* 0xE0 = LBA mode, master; low 4 bits = LBA bits 24-27 */
#define ATA_STATUS      0x1F7   /* read: status */
#define ATA_COMMAND     0x1F7   /* write: command */
#define ATA_CONTROL     0x3F6   /* write: device control; read: alternate status */

#define ST_ERR          0x01
#define ST_DRQ          0x08    /* data ready to transfer */
#define ST_DF           0x20    /* drive fault */
#define ST_BSY          0x80
#define CMD_READ        0x20    /* READ SECTORS (PIO) */
#define CTRL_NIEN       0x02    /* no interrupts: we poll */

#define SECTOR          512
#define MAX_PER_COMMAND 128     /* sectors per READ SECTORS we issue */
#define LBA28_LIMIT     (1u << 28)
#define POLL_LIMIT      2000000 /* status reads before giving up: seconds */

void disk_init(void)
{
    outb(ATA_CONTROL, CTRL_NIEN);
    if (inb(ATA_STATUS) == 0xFF)        /* a floating bus: nothing attached */
        fatal("no ATA disk on the primary IDE channel (ports 0x1F0-0x1F7)");
}

/* After selecting a drive it needs 400 ns before its status is valid:
 * four reads of the alternate status register take at least that long. */
static void delay_400ns(void)
{
    for (int i = 0; i < 4; i++)
        inb(ATA_CONTROL);
}

/* Waits for BSY to clear; returns the status then. */
static uint8_t wait_not_busy(uint32_t lba)
{
    for (uint32_t i = 0; i < POLL_LIMIT; i++) {
        uint8_t st = inb(ATA_STATUS);
        if (!(st & ST_BSY))
            return st;
    }
    fatal("disk timeout at LBA %u (the drive stayed busy)", lba);
}

/* Waits until the drive has one sector for us (DRQ), or reports why not. */
static void wait_data(uint32_t lba)
{
    uint8_t st = wait_not_busy(lba);
    if (st & (ST_ERR | ST_DF))
        fatal("disk read error at LBA %u (ATA status 0x%x, error 0x%x)",
              lba, st, inb(ATA_ERROR));
    if (!(st & ST_DRQ))
        fatal("disk read error at LBA %u (no data, ATA status 0x%x)", lba, st);
}

/* One READ SECTORS command: 1..MAX_PER_COMMAND sectors from lba. */
static void read_chunk(uint32_t lba, uint32_t count, uint8_t *dst)
{
    wait_not_busy(lba);
    outb(ATA_DRIVE, 0xE0 | ((lba >> 24) & 0x0F));
    delay_400ns();
    wait_not_busy(lba);
    outb(ATA_COUNT, (uint8_t)count);
    outb(ATA_LBA_LOW, (uint8_t)lba);
    outb(ATA_LBA_MID, (uint8_t)(lba >> 8));
    outb(ATA_LBA_HIGH, (uint8_t)(lba >> 16));
    outb(ATA_COMMAND, CMD_READ);
    delay_400ns();
    for (uint32_t i = 0; i < count; i++) {
        wait_data(lba + i);
        insw(ATA_DATA, dst + i * SECTOR, SECTOR / 2);
    }
}

void disk_read_sectors(uint32_t lba, uint32_t count, void *dst)
{
    if (lba >= LBA28_LIMIT || count > LBA28_LIMIT - lba)
        fatal("LBA %u is beyond what LBA28 addressing reaches (128 GiB)", lba + count);
    uint8_t *d = dst;
    while (count) {
        uint32_t n = count < MAX_PER_COMMAND ? count : MAX_PER_COMMAND;
        read_chunk(lba, n, d);
        lba += n;
        count -= n;
        d += n * SECTOR;
    }
}

static uint8_t cache[SECTOR];
static uint32_t cache_lba = 0xFFFFFFFF;

static const uint8_t *cached_sector(uint32_t lba)
{
    if (lba != cache_lba) {
        cache_lba = 0xFFFFFFFF;         /* invalid if the read fails */
        disk_read_sectors(lba, 1, cache);
        cache_lba = lba;
    }
    return cache;
}

void file_read(const struct bfile *f, uint32_t off, void *dst, uint32_t len)
{
    if (off > f->size || len > f->size - off)
        fatal("%s: read of %u bytes at offset %u is past its end (%u bytes)",
              f->name, len, off, f->size);
    uint8_t *d = dst;
    while (len) {
        uint32_t lba = f->lba + off / SECTOR, in = off % SECTOR, n;
        if (in == 0 && len >= SECTOR) {         /* whole sectors: direct */
            n = len / SECTOR;
            disk_read_sectors(lba, n, d);
            n *= SECTOR;
        } else {                                /* a piece of one sector */
            n = SECTOR - in < len ? SECTOR - in : len;
            memcpy(d, cached_sector(lba) + in, n);
        }
        d += n;
        off += n;
        len -= n;
    }
}
