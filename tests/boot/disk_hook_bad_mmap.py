"""With a memory map entry of size 12 < 20 (a loader test hook), the kernel
reports the map as malformed and stops."""
import os

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")


def run(t):
    img = os.path.join(IMG, "disk_hook_bad_mmap.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --test-hook bad-mmap "
         f"--cmdline 'test=boot poweroff' -o {img}")
    r = t.boot(boot="disk", image=img, timeout=10)
    t.expect(r"^boot: test hook: first memory map entry has size 12", r.out,
             what="the loader did not apply the test hook")
    t.expect(r"^boot: malformed memory map entry", r.out,
             what="the kernel did not report the bad Multiboot information")
    t.expect(r"^kernel: halted\.$", r.out, what="the kernel did not stop")
    t.absent(r"^selftest: boot ok", r.out, what="the kernel booted on regardless")
