"""The whole in-guest process suite (user/tests/*.c) in one boot at CPUS=4
(-smp 4), under rr, but smp_parallel: it measures real parallelism, which
four emulated CPUs on a two-core host cannot have (it runs at CPUS=2 in
guest_0/guest_1 and at CPUS=1 in guest_smp1). Then the concurrency stress test (/bin/stress: fork,
exit, wait, pipes across CPUs, suspend/resume/kill across CPUs, sbrk and
COW; free memory and the process count back to their baseline). A short
stress run here; `make stress` runs 10^5 operations under every policy."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _guest import parse, suite_tests  # noqa: E402
from _sched import stress_result  # noqa: E402

slow = True


def results(t):
    tests = [name for name in suite_tests() if name != "smp_parallel"]
    r = t.run_cmd("runtests -x smp_parallel; stress -n 20000", mem=64, timeout=400,
                  extra=("-smp", "4"))
    res = parse(r.out, 1, tests)
    ncpu = re.search(r"sysinfo: .*, ncpu (\d+)$", r.out, re.M)
    res.append(("sysinfo_ncpu", bool(ncpu) and ncpu.group(1) == "4",
                f"procinfo's sysinfo line says ncpu {ncpu.group(1) if ncpu else '?'}, expected 4"))
    res.append(stress_result(r.out))
    return res
