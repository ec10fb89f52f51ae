"""With a memory map entry of size 12 < 20 (a loader test hook), the kernel
reports the map as malformed and stops."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import bad_boot_info  # noqa: E402


def run(t):
    bad_boot_info(t, "bad-mmap", r"^boot: test hook: first memory map entry has size 12",
                  r"^boot: malformed memory map entry")
