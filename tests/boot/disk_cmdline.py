"""The command line stored in the image reaches the kernel, after the kernel's path:
`test=ticks poweroff` runs that self-test and powers off."""
import os

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")


def run(t):
    img = os.path.join(IMG, "disk_cmdline.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --cmdline 'test=ticks poweroff' -o {img}")
    r = t.boot(boot="disk", image=img, timeout=15)
    t.expect(r"^cmdline: /boot/kernel\.elf test=ticks poweroff$", r.out)
    m = t.expect(r"^selftest: ticks (\d+) -> (\d+)$", r.out, what="the ticks self-test did not run")
    t.check(int(m.group(2)) - int(m.group(1)) == 20, "expected exactly 20 ticks")
    t.expect(r"^kernel: powering off\.$", r.out, what="'poweroff' was not seen")
