"""The MBR's own checks: no stage-2 signature, no stage-2 sector count (mkimage.py
not run), and a BIOS read error (the disk ends before stage 2 does)."""
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
    good_path = os.path.join(IMG, "disk_mbr_errors.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf -o {good_path}")
    with open(good_path, "rb") as f:
        good = f.read()
    signature = bytearray(good)
    signature[512:516] = bytes(4)
    count = bytearray(good)
    struct.pack_into("<H", count, 0x1BC, 0)
    short = bytearray(good[:2 * 512])                           # MBR + 1 sector of stage 2
    struct.pack_into("<H", short, 0x1BC, 64)
    cases = [(signature, r"no stage 2 signature"),
             (count, r"bad stage 2 sector count in the MBR"),
             (short, r"disk read error loading stage 2")]
    for i, (data, pattern) in enumerate(cases):
        path = os.path.join(IMG, f"disk_mbr_errors_{i}.img")
        with open(path, "wb") as f:
            f.write(data)
        boot_error(t, path, pattern, f"the MBR did not say '{pattern}'")
        t.expect(r"^boot: MBR: loading stage 2", what="the MBR's first message is missing")
