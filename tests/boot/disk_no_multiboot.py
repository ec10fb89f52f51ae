"""An i386 ELF executable without a valid Multiboot header in its first 8 KiB is
refused: with the magic gone, and with the magic but a wrong checksum."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import boot_error, kernel_bytes, mkimage, write_file  # noqa: E402


def kernel_without_header(name, bad_checksum):
    data = kernel_bytes()
    magic = struct.pack("<I", 0x1BADB002)
    off = data.find(magic, 0, 8192)
    assert off >= 0 and off % 4 == 0, "build/kernel.elf has no Multiboot header to remove"
    if bad_checksum:
        data[off + 8:off + 12] = struct.pack("<I", struct.unpack_from("<I", data, off + 8)[0] ^ 1)
    else:
        data[off:off + 4] = bytes(4)
    return write_file(name, data)


def run(t):
    for bad_checksum in (False, True):
        kernel = kernel_without_header(f"disk_no_multiboot_{int(bad_checksum)}.elf", bad_checksum)
        img = mkimage(t, f"disk_no_multiboot_{int(bad_checksum)}.img", f"--kernel {kernel}")
        pattern = r"the kernel has no Multiboot header in its first 8 KiB"
        if bad_checksum:
            pattern += r" \(magic 0x1BADB002 found, but the checksum is wrong\)"
        boot_error(t, img, pattern, "a kernel without a valid Multiboot header was not refused")
