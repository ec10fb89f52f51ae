"""The loader really enables A20: with A20 switched off first (test hooks), it is
turned on through port 0x92, or, with that path skipped, the keyboard
controller, and the kernel (loaded at 1 MiB, an odd megabyte) then boots."""
import os

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")


def run(t):
    cases = [("a20-off", r"port 0x92 \(fast A20\)"), ("a20-kbc", r"the keyboard controller")]
    for hook, method in cases:
        img = os.path.join(IMG, f"disk_a20_{hook}.img")
        t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --test-hook {hook} "
             f"--cmdline 'test=boot poweroff' -o {img}")
        r = t.boot(boot="disk", image=img, timeout=10)
        t.expect(r"^boot: test hook: A20 switched off$", r.out, what=f"{hook}: A20 was not off")
        t.expect(rf"^boot: A20 enabled with {method}$", r.out,
                 what=f"{hook}: A20 was not enabled with {method}")
        t.expect(r"^selftest: boot ok$", r.out, what=f"{hook}: the kernel did not boot")
