"""GDB's per-CPU view at 2 CPUs: kcpus lists each CPU that is up with what
it runs, the spinlocks it holds (with their names), its interrupt-disable
depth, its ready queue and its load. Stopped in the clock tick
(sleep_wake_due runs on CPU 0 with sched_lock held) while three CPU-bound
jobs share two CPUs: CPU 0 holds exactly the sched lock, both CPUs run a
job, and the one job left over is READY on a queue (kcpus's READY column
agrees with kps's states)."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _gdb import BUILD, gdb_session, section  # noqa: E402

COMMAND = "schedemo -t 300 cpu cpu cpu"
ROW = re.compile(r"^([* ]) +(\d+) +(\d+) +(idle|pid \d+ \(\S+\)|-) +(\d+)(?: \(([^)]*)\))? +(\d+) +(\d+) +"
                 r"(yes|no) +(\d+)/(\d+)$", re.M)


def run(t):
    steps = [
        "continue",                             # to the template's kmain breakpoint
        # Once the jobs run (schedemo starts them a few ticks after boot).
        "hbreak sleep_wake_due if clock_tick_count > 120",
        "echo @@stop\\n", "continue",
        "echo @@kcpus\\n", "kcpus",
        "echo @@kps\\n", "kps",
        "echo @@end\\n", "delete",
    ]
    out, serial = gdb_session(t, steps, timeout=60, smp=2, one_stream=True,
                              args=f"poweroff run={COMMAND.encode().hex()}",
                              initrd=os.path.join(BUILD, "initramfs.cpio"))
    t.expect(r"Breakpoint 2, sleep_wake_due ", section(out, "stop"),
             what="GDB did not stop in sleep_wake_due")
    rows = ROW.findall(section(out, "kcpus"))
    t.check([int(r[1]) for r in rows] == [0, 1], f"kcpus should list CPUs 0 and 1: {rows}")
    if len(rows) != 2:
        return
    here = [r for r in rows if r[0] == "*"]
    t.check(len(here) == 1 and here[0][1] == "0", f"'*' marks CPU 0, where the tick runs: {rows}")
    cpu0, cpu1 = rows
    t.check(cpu0[4] == "1" and cpu0[5] == "sched",
            f"CPU 0 holds one lock, sched (taken by sched_clock_tick): {cpu0}")
    t.check(int(cpu0[6]) >= 1, f"CPU 0 has interrupts off (depth >= 1): {cpu0}")
    for r in rows:
        t.check(r[3].startswith("pid "), f"CPU {r[1]} should run a job, not {r[3]}")
        t.check(int(r[9]) <= int(r[10]) and int(r[10]) > 0, f"CPU {r[1]}: busy <= ticks: {r}")
    ready = sum(int(r[7]) for r in rows)
    kps = section(out, "kps")
    kps_ready = len(re.findall(r"^[* ] +\d+ +\d+ +\d+ +ready\b", kps, re.M))
    t.check(ready == kps_ready == 1,
            f"one job left over: kcpus counts {ready} ready, kps shows {kps_ready}")
    t.check(len(re.findall(r"^  +\d+ +\d+ +\d+ running +\d+ schedemo +- +\(on CPU 1\)", kps, re.M)) == 1,
            f"kps shows the job on CPU 1 as running there, with no stale saved eip: {kps}")
    t.check("Python Exception" not in out and "Error occurred" not in out, "no errors in the helpers")
