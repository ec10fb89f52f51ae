"""With -m 512 the kernel reports 512 MiB of usable memory (within 1 MiB)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _mem import check_reported  # noqa: E402

mem = 512
args = "test=boot poweroff"


def check(t):
    check_reported(t, mem)
