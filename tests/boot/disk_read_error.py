"""The image ends one sector into the kernel: reading on is an ATA error, which
the loader reports (LBA, status, error) instead of loading garbage or hanging."""
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
    img = os.path.join(IMG, "disk_read_error.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --test-cut-kernel 1 -o {img}")
    boot_error(t, img, r"disk read error at LBA \d+ \(ATA status 0x[0-9a-f]+, error 0x[0-9a-f]+\)",
               "reading past the end of the disk was not reported")
