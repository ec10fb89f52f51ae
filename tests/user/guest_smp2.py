"""The whole in-guest process suite (user/tests/*.c) in one boot at CPUS=2
(-smp 2): the second CPU is up but parked, and nothing may change;
sysinfo() says 2 CPUs are up."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _guest import guest_results  # noqa: E402

slow = True


def results(t):
    res = guest_results(t, 0, 1, extra=("-smp", "2"), timeout=400)
    ncpu = re.search(r"sysinfo: .*, ncpu (\d+)$", t.out, re.M)
    res.append(("sysinfo_ncpu", bool(ncpu) and ncpu.group(1) == "2",
                f"procinfo's sysinfo line says ncpu {ncpu.group(1) if ncpu else '?'}, expected 2"))
    return res
