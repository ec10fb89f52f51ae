"""A kernel whose segments reach above 16 MiB (the loader's documented limit) is
refused before anything is loaded."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import boot_error, kernel_bytes, mkimage, write_file  # noqa: E402


def run(t):
    data = kernel_bytes()
    phoff, = struct.unpack_from("<I", data, 28)
    phentsize, phnum = struct.unpack_from("<HH", data, 42)
    loads = [phoff + i * phentsize for i in range(phnum)
             if struct.unpack_from("<I", data, phoff + i * phentsize)[0] == 1]
    last = max(loads, key=lambda p: struct.unpack_from("<I", data, p + 12)[0])
    paddr, = struct.unpack_from("<I", data, last + 12)
    struct.pack_into("<I", data, last + 20, 0x1000000 - paddr + 4096)   # p_memsz: 4 KiB too many
    kernel = write_file("disk_kernel_too_big.elf", data)
    img = mkimage(t, "disk_kernel_too_big.img", f"--kernel {kernel}")
    boot_error(t, img, r"the kernel is too big: segment \d+ \(0x[0-9a-f]+-0x01001000\) ends above 16 MiB",
               "a kernel ending at 16 MiB + 4 KiB was not refused")
