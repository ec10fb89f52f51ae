#!/usr/bin/env python3
"""Builds Orchard's raw disk image for our own boot loader (boot/).

    python3 tools/mkimage.py --mbr build/boot/mbr.bin --stage2 build/boot/stage2.bin \\
        --kernel build/kernel.elf [--module PATH[:STRING] ...] \\
        [--cmdline "key=value ..."] -o build/os.img

Layout, in 512-byte sectors (docs/boot.md has the full story):

    LBA 0            the MBR, with the stage-2 sector count n patched in
                     at offset 0x1BC (16 bits, little-endian)
    LBA 1 .. n       stage 2, padded to whole sectors (n <= 64)
    LBA n + 1        the boot configuration sector (format below)
    LBA n + 2 ..     the kernel, then each module, each padded to sectors

The boot configuration sector, little-endian (boot/layout.h says the same):

    0   u32  magic "ORBC"
    4   u16  version, 1
    6   u16  number of files; file 0 is the kernel, then the modules
    8   u32  test hooks (0 unless --test-hook)
    12  u32  checksum: the sector's 128 u32 words sum to 0 (mod 2**32)
    16  12 bytes per file: u32 start LBA, u32 size in bytes,
             u16 offset (in this sector) of its NUL-terminated string,
             u16 reserved
    ..  the strings; zeros to the end of the sector

The kernel's string is its command line: its path first, as QEMU's -kernel
does ("/boot/kernel.elf key=value ..."; the kernel skips that first word).
A module's string is STRING, or "/boot/" + the file's name.

Nothing here checks that the kernel is a sensible ELF: the loader does,
and the tests rely on being able to store anything. Test-only switches
(tests/boot/disk_*.py) make images the loader must refuse or treat
specially: --no-kernel, --test-hook NAME, --test-cut-kernel SECTORS.
"""
import argparse
import os
import struct
import sys

SECTOR = 512
MBR_STAGE2_SECTORS = 0x1BC
STAGE2_MAGIC = b"ORS2"
STAGE2_MAX_SECTORS = 64
CONFIG_MAGIC = b"ORBC"
CONFIG_VERSION = 1
CONFIG_HEADER = 16
FILE_ENTRY = 12
MAX_FILES = 16
HOOKS = {                       # boot/layout.h BOOT_HOOK_*
    "bad-magic": 0x01,          # EAX is not 0x2BADB002 at the kernel's entry
    "no-meminfo": 0x02,         # Multiboot flags without bits 0 and 6
    "bad-mmap": 0x04,           # the first memory map entry has size 12
    "a20-off": 0x08,            # switch A20 off first, then enable it
    "a20-kbc": 0x10,            # ... and enable it with the keyboard controller
    "poison": 0x20,             # fill the kernel's memory with 0xCC before loading
}


class ImageError(Exception):
    pass


def sectors(nbytes):
    return (nbytes + SECTOR - 1) // SECTOR


def pad(data):
    return data + bytes(sectors(len(data)) * SECTOR - len(data))


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        raise ImageError(f"cannot read {path}: {e.strerror}")


def check_mbr(mbr, path):
    if len(mbr) != SECTOR or mbr[510:512] != b"\x55\xaa":
        raise ImageError(f"{path}: an MBR must be 512 bytes ending 55 aa")


def check_stage2(stage2, path):
    if stage2[:4] != STAGE2_MAGIC:
        raise ImageError(f"{path}: does not start with the stage-2 signature 'ORS2'")
    if sectors(len(stage2)) > STAGE2_MAX_SECTORS:
        raise ImageError(f"{path}: {len(stage2)} bytes; stage 2 may have at most "
                         f"{STAGE2_MAX_SECTORS} sectors ({STAGE2_MAX_SECTORS * SECTOR} bytes)")


def config_sector(files, hooks):
    """files: [(lba, size, string)], the kernel first. Returns 512 bytes."""
    if len(files) > MAX_FILES:
        raise ImageError(f"{len(files)} files; the loader takes at most {MAX_FILES} "
                         f"(the kernel and {MAX_FILES - 1} modules)")
    table = bytearray()
    strings = bytearray()
    strings_off = CONFIG_HEADER + FILE_ENTRY * len(files)
    for lba, size, text in files:
        raw = text.encode() + b"\0"
        if b"\0" in raw[:-1]:
            raise ImageError(f"string {text!r} contains a NUL byte")
        table += struct.pack("<IIHH", lba, size, strings_off + len(strings), 0)
        strings += raw
    body = table + strings
    if CONFIG_HEADER + len(body) > SECTOR:
        raise ImageError(f"the command line and module strings need "
                         f"{CONFIG_HEADER + len(body)} bytes; the boot configuration "
                         f"sector holds {SECTOR}")
    sector = bytearray(SECTOR)
    struct.pack_into("<4sHHII", sector, 0, CONFIG_MAGIC, CONFIG_VERSION, len(files), hooks, 0)
    sector[CONFIG_HEADER:CONFIG_HEADER + len(body)] = body
    total = sum(struct.unpack("<128I", sector)) & 0xFFFFFFFF
    struct.pack_into("<I", sector, 12, (-total) & 0xFFFFFFFF)
    return bytes(sector)


def parse_module(spec):
    """PATH[:STRING] -> (PATH, STRING)."""
    path, sep, text = spec.partition(":")
    return path, text if sep else "/boot/" + os.path.basename(path)


def build(args):
    mbr = bytearray(read(args.mbr))
    check_mbr(mbr, args.mbr)
    stage2 = read(args.stage2)
    check_stage2(stage2, args.stage2)
    n = sectors(len(stage2))
    struct.pack_into("<H", mbr, MBR_STAGE2_SECTORS, n)

    contents = []               # (data, string) in disk order: kernel, modules
    if args.kernel:
        path = "/boot/" + os.path.basename(args.kernel)
        cmdline = path + (" " + args.cmdline if args.cmdline else "")
        contents.append((read(args.kernel), cmdline))
    elif args.module:
        raise ImageError("modules but no kernel")
    for spec in args.module:
        path, text = parse_module(spec)
        contents.append((read(path), text))

    config_lba = 1 + n
    lba = config_lba + 1
    files, layout = [], []
    for i, (data, text) in enumerate(contents):
        files.append((lba, len(data), text))
        layout.append((lba, len(data), "kernel" if i == 0 else f"module {i}", text))
        lba += sectors(len(data))
    hooks = 0
    for name in args.test_hook:
        hooks |= HOOKS[name]

    image = bytes(mbr) + pad(stage2) + config_sector(files, hooks)
    for i, (data, _) in enumerate(contents):
        if i == 0 and args.test_cut_kernel is not None:
            data = data[:args.test_cut_kernel * SECTOR]
        image += pad(data)
    return image, [(0, SECTOR, "MBR", ""), (1, len(stage2), "stage 2", ""),
                   (config_lba, SECTOR, "boot configuration", "")] + layout


def write_atomically(path, data):
    """Parallel builds and tests must never see half an image."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def main(argv):
    p = argparse.ArgumentParser(description="Build Orchard's raw disk image (see docs/boot.md).")
    p.add_argument("--mbr", required=True, help="the 512-byte MBR (build/boot/mbr.bin)")
    p.add_argument("--stage2", required=True, help="stage 2 (build/boot/stage2.bin)")
    p.add_argument("--kernel", help="the kernel ELF (build/kernel.elf)")
    p.add_argument("--module", action="append", default=[], metavar="PATH[:STRING]",
                   help="a Multiboot module, in order; STRING defaults to /boot/NAME")
    p.add_argument("--cmdline", default="", help="kernel options, after the kernel's path")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--quiet", action="store_true", help="do not print the layout")
    t = p.add_argument_group("test only")
    t.add_argument("--no-kernel", action="store_true",
                   help="an image whose configuration lists no files")
    t.add_argument("--test-hook", action="append", default=[], choices=sorted(HOOKS),
                   help="set a loader test hook (boot/layout.h BOOT_HOOK_*)")
    t.add_argument("--test-cut-kernel", type=int, metavar="SECTORS",
                   help="store only the kernel's first SECTORS sectors (the image "
                        "ends there, so reading on is a disk error)")
    args = p.parse_args(argv)
    if bool(args.kernel) == args.no_kernel:
        p.error("give exactly one of --kernel and --no-kernel")
    try:
        image, layout = build(args)
    except ImageError as e:
        print(f"mkimage: error: {e}", file=sys.stderr)
        return 1
    write_atomically(args.output, image)
    if not args.quiet:
        print(f"{args.output}: {len(image)} bytes, {len(image) // SECTOR} sectors")
        for lba, size, what, text in layout:
            print(f"  LBA {lba:5}  {size:8} bytes  {what}" + (f"  '{text}'" if text else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
