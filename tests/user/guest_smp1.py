"""The whole in-guest process suite (user/tests/*.c) in one boot at CPUS=1
(-smp 1), under rr: one CPU must keep working exactly as before SMP;
sysinfo() says 1 CPU is up. (guest_0/guest_1 run it at the default CPU
count, 2; guest_smp4 at 4.)"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _guest import guest_results  # noqa: E402

slow = True


def results(t):
    res = guest_results(t, 0, 1, extra=("-smp", "1"), timeout=400)
    ncpu = re.search(r"sysinfo: .*, ncpu (\d+)$", t.out, re.M)
    res.append(("sysinfo_ncpu", bool(ncpu) and ncpu.group(1) == "1",
                f"procinfo's sysinfo line says ncpu {ncpu.group(1) if ncpu else '?'}, expected 1"))
    return res
