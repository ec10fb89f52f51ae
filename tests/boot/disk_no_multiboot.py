"""An i386 ELF executable without a valid Multiboot header in its first 8 KiB is
refused: with the magic gone, and with the magic but a wrong checksum."""
import struct

import os

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")


def boot_error(t, img, pattern, what):
    """Boots img; the loader must print "boot: error: ..." matching pattern,
    and then halt: QEMU still running (-no-reboot ends it on a triple
    fault or reset), no kernel started."""
    r = t.boot(boot="disk", image=img, timeout=10, until=r"^boot: error: .*\n")
    t.expect(r"^boot: error: " + pattern, r.out, what=what)
    t.check(r.returncode == -9, "QEMU exited by itself after the error: a reset or triple fault, not a halt")
    t.absent(r"Orchard teaching kernel", r.out, what="the kernel ran anyway")


def kernel_without_header(name, bad_checksum):
    with open(os.path.join(BUILD, "kernel.elf"), "rb") as f:
        data = bytearray(f.read())
    magic = struct.pack("<I", 0x1BADB002)
    off = data.find(magic, 0, 8192)
    assert off >= 0 and off % 4 == 0, "build/kernel.elf has no Multiboot header to remove"
    if bad_checksum:
        data[off + 8:off + 12] = struct.pack("<I", struct.unpack_from("<I", data, off + 8)[0] ^ 1)
    else:
        data[off:off + 4] = bytes(4)
    path = os.path.join(IMG, name)
    os.makedirs(IMG, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def run(t):
    for bad_checksum in (False, True):
        kernel = kernel_without_header(f"disk_no_multiboot_{int(bad_checksum)}.elf", bad_checksum)
        img = os.path.join(IMG, f"disk_no_multiboot_{int(bad_checksum)}.img")
        t.sh(f"{MKIMAGE} --kernel {kernel} -o {img}")
        pattern = r"the kernel has no Multiboot header in its first 8 KiB"
        if bad_checksum:
            pattern += r" \(magic 0x1BADB002 found, but the checksum is wrong\)"
        boot_error(t, img, pattern, "a kernel without a valid Multiboot header was not refused")
