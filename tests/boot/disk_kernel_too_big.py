"""A kernel whose segments reach above 16 MiB (the loader's documented limit) is
refused before anything is loaded."""
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


def run(t):
    with open(os.path.join(BUILD, "kernel.elf"), "rb") as f:
        data = bytearray(f.read())
    phoff, = struct.unpack_from("<I", data, 28)
    phentsize, phnum = struct.unpack_from("<HH", data, 42)
    loads = [phoff + i * phentsize for i in range(phnum)
             if struct.unpack_from("<I", data, phoff + i * phentsize)[0] == 1]
    last = max(loads, key=lambda p: struct.unpack_from("<I", data, p + 12)[0])
    paddr, = struct.unpack_from("<I", data, last + 12)
    struct.pack_into("<I", data, last + 20, 0x1000000 - paddr + 4096)   # p_memsz: 4 KiB too many
    kernel = os.path.join(IMG, "disk_kernel_too_big.elf")
    os.makedirs(IMG, exist_ok=True)
    with open(kernel, "wb") as f:
        f.write(data)
    img = os.path.join(IMG, "disk_kernel_too_big.img")
    t.sh(f"{MKIMAGE} --kernel {kernel} -o {img}")
    boot_error(t, img, r"the kernel is too big: segment \d+ \(0x[0-9a-f]+-0x01001000\) ends above 16 MiB",
               "a kernel ending at 16 MiB + 4 KiB was not refused")
