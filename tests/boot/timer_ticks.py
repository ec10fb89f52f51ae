"""The PIT interrupts at HZ (100): under -icount (1 instruction = 1 ns of
virtual time) 20 ticks take 20 periods of the PIT's divided clock, 200 ms
to 0.1%, and the banner's "clock: 100 Hz" is that rate."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _ticks import ICOUNT, check_rate  # noqa: E402

args = "test=ticks poweroff"
extra = ICOUNT


def check(t):
    check_rate(t, t.out, 100)
