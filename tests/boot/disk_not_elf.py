"""A kernel file that is not ELF at all (a text file) is refused with a clear line."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import boot_error, mkimage  # noqa: E402


def run(t):
    img = mkimage(t, "disk_not_elf.img", "--kernel tools/mkimage.py")
    boot_error(t, img, r"the kernel is not an ELF file", "a text file was not refused as non-ELF")
