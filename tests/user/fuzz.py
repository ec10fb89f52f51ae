"""The system-call fuzzer (user/fuzz.c), bounded for make test: `fuzz 1 3000`
(3000 random calls by the fuzzer, more by the children it forks, one memory
hog) must end with "fuzz: ok": no panic, the fuzzer itself never killed,
and free memory and the process count back to their baseline. Longer
runs: make fuzz SEED=... N=..."""
import re
import time

SEED, N = 1, 3000


def run(t):
    start = time.monotonic()
    r = t.run_cmd(f"fuzz {SEED} {N}", timeout=90)
    secs = time.monotonic() - start
    t.absent(r"panic:", what="the kernel panicked")
    t.check(not r.timed_out, f"fuzz {SEED} {N} did not finish within 90 s")
    m = t.expect(r"^fuzz: (ok|FAILED): seed \d+, (\d+) calls in (\d+) ticks.*$",
                 what="the fuzzer did not print its verdict")
    t.out += f"\n[fuzz.py: {m.group(2)} calls in {m.group(3)} ticks, {secs:.1f} s wall]\n"
    t.check(m.group(1) == "ok", m.group(0))
    t.expect(r"^exit status: 0$")
