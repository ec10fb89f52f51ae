"""With Multiboot flags bits 0 and 6 clear (a loader test hook: no memory
information at all), the kernel says so and stops."""
import os

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")


def run(t):
    img = os.path.join(IMG, "disk_hook_no_meminfo.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --test-hook no-meminfo "
         f"--cmdline 'test=boot poweroff' -o {img}")
    r = t.boot(boot="disk", image=img, timeout=10)
    t.expect(r"^boot: test hook: no mem_lower/mem_upper, no memory map", r.out,
             what="the loader did not apply the test hook")
    t.expect(r"^boot: the loader gave no memory information", r.out,
             what="the kernel did not report the bad Multiboot information")
    t.expect(r"^kernel: halted\.$", r.out, what="the kernel did not stop")
    t.absent(r"^selftest: boot ok", r.out, what="the kernel booted on regardless")
