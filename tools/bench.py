#!/usr/bin/env python3
"""`make bench`: deterministic benchmarks.

Boots the kernel headless through -kernel with `-icount shift=0,sleep=off
-nic none`, so that rdtsc in the guest counts instructions retired, runs
/bin/bench (user/bench.c), and prints its "bench: NAME INSTRUCTIONS_PER_OP"
lines. Also reports the kernel's boot cost: the instructions from kmain to
the start of init, which the kernel prints as "boot: ..." in its log when
booted with the option `icount`. The log is a file of this run's own
(RUN_LOG for tools/run.py), so that a run beside it cannot lend its figure.

Then a second boot with the kernel self-test test=schedcost measures one
scheduling decision (pick_next plus re-enqueue) under every policy with 1,
8 and 56 ready processes: "bench: pick_POLICY_N INSTRUCTIONS".

Every figure is measured at 1 CPU and again at 2 (BENCH_CPUS="1 2", the
default; QEMU runs the CPUs round-robin on one thread under -icount, so
the figures stay deterministic). The 1-CPU figures keep their plain names;
the others end in .cpusN ("bench: getpid.cpus2 131"). Two figures exist
only with several CPUs: pipe_rtt_cross_cpu (the two ends pinned to CPUs 0
and 1) and, at every count, lock_pair (one spin_lock + spin_unlock, from
the kernel's test=schedcost).

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
    for n in (os.environ.get("BENCH_CPUS") or "1 2").split():
        suffix = "" if n == "1" else f".cpus{n}"
        for line in measure(n):
            name, value = line.split()[1:]
            print(f"bench: {name}{suffix} {value}")


def measure(cpus):
    """The bench lines of one CPU count."""
    out = []
    names = " ".join(sys.argv[1:])
    cmd = f"bench {names}".strip()
    log = os.path.join(BUILD, "run", f"bench-{os.getpid()}.log")
    env = dict(os.environ, CMD=cmd, QEMUEXTRA="-icount shift=0,sleep=off", CPUS=cpus,
               RUN_TIMEOUT=os.environ.get("RUN_TIMEOUT", "300"), BOOTARGS="icount", RUN_LOG=log)
    os.makedirs(os.path.dirname(log), exist_ok=True)
    # Standard input stays open and silent for the whole run: at end of
    # input run.py types a ^D, whose interrupt would land at a different
    # guest instruction each time and change the figures.
    silent, keep_open = os.pipe()
    try:
        p = subprocess.run([sys.executable, "tools/run.py"], env=env, capture_output=True,
                           text=True, stdin=silent)
    finally:
        os.close(silent)
        os.close(keep_open)
    lines = re.findall(r"^bench: .*$", p.stdout, re.M)
    out += [line for line in lines if re.match(r"bench: [\w.]+ \d+$", line)
            and not line.startswith("bench: calibrate")]
    out.append(boot_figure(log))
    if p.returncode != 0 or not any(re.match(r"bench: \w+ \d+$", l) for l in lines):
        sys.stderr.write(p.stdout[-3000:] + p.stderr[-3000:])
        sys.exit(1)
    if not sys.argv[1:] or any(n.startswith("pick") or n == "lock_pair" for n in sys.argv[1:]):
        out += pick_costs(cpus)
    return out


def boot_figure(log):
    """The kernel's boot cost from this run's log (removed once read)."""
    try:
        with open(log) as f:
            m = re.search(r"^boot: (\d+) instructions in the kernel before init$", f.read(), re.M)
    except OSError:
        m = None
    if not m:
        sys.exit(f"bench: boot_kernel: no figure in {log}")
    os.unlink(log)
    return f"bench: boot_kernel {m.group(1)}"


def pick_costs(cpus):
    """One scheduling decision per policy, and a lock pair, measured in the kernel."""
    cmd = ["qemu-system-i386", "-m", "64", "-smp", cpus, "-display", "none", "-monitor", "none",
           "-serial", "stdio", "-no-reboot", "-nic", "none", "-icount", "shift=0,sleep=off",
           "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
           "-kernel", os.path.join(BUILD, "kernel.elf"), "-append", "test=schedcost poweroff"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300,
                         stdin=subprocess.DEVNULL).stdout
    found = re.findall(r"^sched-cost (\w+) N=(\d+): (\d+) per decision", out, re.M)
    lock = re.search(r"^lock-cost: (\d+) per spin_lock \+ spin_unlock pair", out, re.M)
    if not found or not lock:
        sys.exit("bench: the schedcost self-test printed nothing:\n" + out[-2000:])
    return [f"bench: lock_pair {lock.group(1)}"] + \
        [f"bench: pick_{policy}_{n} {cost}" for policy, n, cost in found]


if __name__ == "__main__":
    main()
