"""With a wrong magic in EAX (a loader test hook), the kernel says so and stops."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import bad_boot_info  # noqa: E402


def run(t):
    bad_boot_info(t, "bad-magic", r"^boot: test hook: passing EAX=0x1badb002",
                  r"^boot: bad Multiboot magic 1badb002 in EAX \(expected 2badb002\)")
