"""`make HZ=1000` builds a kernel whose timer really ticks at 1000 Hz: under
-icount, 20 ticks take 20 ms of virtual time to 0.1% (timer_ticks.py does
the same for the default HZ=100, so the rate follows HZ, not a constant)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "boot"))
from _ticks import ICOUNT, check_rate  # noqa: E402

slow = True


def run(t):
    build = "build/hz1000"
    t.sh(f"make -s HZ=1000 BUILD={build} {build}/kernel.elf", timeout=900)
    r = t.boot(kernel=f"{build}/kernel.elf", args="test=ticks poweroff", extra=ICOUNT)
    check_rate(t, r.out, 1000)
