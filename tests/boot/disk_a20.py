"""The loader really enables A20: with A20 switched off first (test hooks), it is
turned on through port 0x92, or, with that path skipped, the keyboard
controller, and the kernel (loaded at 1 MiB, an odd megabyte) then boots."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import KERNEL, mkimage  # noqa: E402


def run(t):
    cases = [("a20-off", r"port 0x92 \(fast A20\)"), ("a20-kbc", r"the keyboard controller")]
    for hook, method in cases:
        img = mkimage(t, f"disk_a20_{hook}.img",
                      f"--kernel {KERNEL} --test-hook {hook} --cmdline 'test=boot poweroff'")
        r = t.boot(boot="disk", image=img, timeout=10)
        t.expect(r"^boot: test hook: A20 switched off$", r.out, what=f"{hook}: A20 was not off")
        t.expect(rf"^boot: A20 enabled with {method}$", r.out,
                 what=f"{hook}: A20 was not enabled with {method}")
        t.expect(r"^selftest: boot ok$", r.out, what=f"{hook}: the kernel did not boot")
