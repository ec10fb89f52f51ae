"""A damaged boot configuration sector is refused: wrong magic, and a flipped
byte that only the checksum catches."""
import re

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
    img = os.path.join(IMG, "disk_bad_config.img")
    layout = t.sh(f"python3 tools/mkimage.py --mbr {BUILD}/boot/mbr.bin "
                  f"--stage2 {BUILD}/boot/stage2.bin --kernel {BUILD}/kernel.elf -o {img}")
    lba = int(re.search(r"LBA\s+(\d+)\s+512 bytes\s+boot configuration", layout).group(1))
    with open(img, "rb") as f:
        good = f.read()
    cases = [(0, r"no boot configuration at LBA \d+ \(magic "),        # the magic
             (60, r"the boot configuration at LBA \d+ is corrupt")]    # a padding byte
    for i, (offset, pattern) in enumerate(cases):
        bad = bytearray(good)
        bad[lba * 512 + offset] ^= 0x20
        path = os.path.join(IMG, f"disk_bad_config_{i}.img")
        with open(path, "wb") as f:
            f.write(bad)
        boot_error(t, path, pattern, f"a configuration sector with byte {offset} changed was accepted")
