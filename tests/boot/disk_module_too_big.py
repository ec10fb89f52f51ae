"""A module larger than the RAM left after the kernel is refused with a clear
line (with -m 8, a 9 MiB module cannot fit), not loaded over the top of RAM."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import IMG, KERNEL, boot_error, mkimage  # noqa: E402


def run(t):
    os.makedirs(IMG, exist_ok=True)
    module = os.path.join(IMG, "disk_module_too_big.mod")
    with open(module, "wb") as f:
        f.truncate(9 << 20)
    img = mkimage(t, "disk_module_too_big.img", f"--kernel {KERNEL} --module {module}:big")
    boot_error(t, img, r"module 1 'big' \(9437184 bytes\) does not fit in RAM at 0x[0-9a-f]+ "
               r"\(RAM from 1 MiB ends at 0x[0-9a-f]+\)", "the oversized module was not refused", mem=8)
