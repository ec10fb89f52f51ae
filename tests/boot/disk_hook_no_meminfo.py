"""With Multiboot flags bits 0 and 6 clear (a loader test hook: no memory
information at all), the kernel says so and stops."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import bad_boot_info  # noqa: E402


def run(t):
    bad_boot_info(t, "no-meminfo", r"^boot: test hook: no mem_lower/mem_upper, no memory map",
                  r"^boot: the loader gave no memory information")
