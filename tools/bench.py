#!/usr/bin/env python3
"""`make bench`: deterministic benchmarks.

Boots the kernel headless through -kernel with `-icount shift=0,sleep=off
-nic none`, so that rdtsc in the guest counts instructions retired, runs
/bin/bench (user/bench.c), and prints its "bench: NAME INSTRUCTIONS_PER_OP"
lines. Also reports the kernel's boot cost: the instructions from kmain to
the start of init (the kernel prints them as "boot: ...").

Usage: bench.py [NAME...]   (names of benchmarks to run; default all)
Exits non-zero if the guest refuses to report (icount not in effect) or
anything fails.
"""
import os
import re
import subprocess
import sys

BUILD = os.environ.get("BUILD", "build")


def main():
    names = " ".join(sys.argv[1:])
    cmd = f"bench {names}".strip()
    env = dict(os.environ, CMD=cmd, QEMUEXTRA="-icount shift=0,sleep=off",
               RUN_TIMEOUT=os.environ.get("RUN_TIMEOUT", "300"), BOOTARGS="")
    p = subprocess.run([sys.executable, "tools/run.py"], env=env, capture_output=True, text=True,
                       stdin=subprocess.DEVNULL)
    lines = re.findall(r"^bench: .*$", p.stdout, re.M)
    for line in lines:
        if not line.startswith("bench: calibrate"):
            print(line)
    log = os.path.join(BUILD, "run", "kernel.log")
    try:
        m = re.search(r"^boot: (\d+) instructions in the kernel", open(log).read(), re.M)
        if m:
            print(f"bench: boot_kernel {m.group(1)}")
    except OSError:
        pass
    if p.returncode != 0 or not any(re.match(r"bench: \w+ \d+$", l) for l in lines):
        sys.stderr.write(p.stdout[-3000:] + p.stderr[-3000:])
        sys.exit(1)


if __name__ == "__main__":
    main()
