"""An image whose boot configuration lists no kernel: one clear line, then a halt."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import boot_error, mkimage  # noqa: E402


def run(t):
    img = mkimage(t, "disk_no_kernel.img", "--no-kernel")
    boot_error(t, img, r"no kernel in the image", "no 'no kernel in the image' message")
