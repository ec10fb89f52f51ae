"""A kernel file that is not ELF at all (a text file) is refused with a clear line."""
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
    img = os.path.join(IMG, "disk_not_elf.img")
    t.sh(f"{MKIMAGE} --kernel tools/mkimage.py -o {img}")
    boot_error(t, img, r"the kernel is not an ELF file", "a text file was not refused as non-ELF")
