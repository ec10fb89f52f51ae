"""With a wrong magic in EAX (a loader test hook), the kernel says so and stops."""
import os

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")


def run(t):
    img = os.path.join(IMG, "disk_hook_bad_magic.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --test-hook bad-magic "
         f"--cmdline 'test=boot poweroff' -o {img}")
    r = t.boot(boot="disk", image=img, timeout=10)
    t.expect(r"^boot: test hook: passing EAX=0x1badb002", r.out,
             what="the loader did not apply the test hook")
    t.expect(r"^boot: bad Multiboot magic 1badb002 in EAX \(expected 2badb002\)", r.out,
             what="the kernel did not report the bad Multiboot information")
    t.expect(r"^kernel: halted\.$", r.out, what="the kernel did not stop")
    t.absent(r"^selftest: boot ok", r.out, what="the kernel booted on regardless")
