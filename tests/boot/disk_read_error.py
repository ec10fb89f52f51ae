"""The image ends one sector into the kernel: reading on is an ATA error, which
the loader reports (LBA, status, error) instead of loading garbage or hanging."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import KERNEL, boot_error, mkimage  # noqa: E402


def run(t):
    img = mkimage(t, "disk_read_error.img", f"--kernel {KERNEL} --test-cut-kernel 1")
    boot_error(t, img, r"disk read error at LBA \d+ \(ATA status 0x[0-9a-f]+, error 0x[0-9a-f]+\)",
               "reading past the end of the disk was not reported")
