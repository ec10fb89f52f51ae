"""The command line stored in the image reaches the kernel, after the kernel's path:
`test=ticks poweroff` runs that self-test and powers off."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import KERNEL, mkimage  # noqa: E402


def run(t):
    img = mkimage(t, "disk_cmdline.img", f"--kernel {KERNEL} --cmdline 'test=ticks poweroff'")
    r = t.boot(boot="disk", image=img, timeout=15)
    t.expect(r"^cmdline: /boot/kernel\.elf test=ticks poweroff$", r.out)
    t.expect(r"^selftest: ticks \d+ -> \d+ in \d+ time-stamp units$", r.out,
             what="the ticks self-test did not run (tests/boot/timer_ticks.py checks its rate)")
    t.expect(r"^kernel: powering off\.$", r.out, what="'poweroff' was not seen")
