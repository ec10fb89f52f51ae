"""make sched-demo SCHED=lottery writes the OSTEP lottery graph from the
kernel's own trace: a timeline, a zoom on the first 100 ticks and a
shares-over-time plot (SVG), and prints the shares table; make run
SCHED=prio runs under prio, and a sched= in BOOTARGS wins over SCHED."""
import os
import re
import xml.etree.ElementTree as ET

slow = True


def run(t):
    out = t.sh("make -s sched-demo SCHED=lottery DEMO_TICKS=400", timeout=180)
    for kind in ("timeline", "zoom", "shares"):
        path = os.path.join("build", "sched-demo", f"lottery-{kind}.svg")
        t.check(os.path.exists(path), f"{path} written")
        ET.parse(path)                  # well-formed
    rows = re.findall(r"^pid \d+ \(cpu tickets=(\d+)\)\s+(\d+)\s+([\d.]+)%", out, re.M)
    t.check(len(rows) == 3, "a table row per job")
    for tickets, _, share in rows:
        want = int(tickets) / 60 * 100
        t.check(abs(float(share) - want) <= 10, f"{tickets} tickets: about {want:.0f}%, got {share}%")
    t.sh("make -s run SCHED=prio CMD=true > /dev/null", timeout=120)
    t.expect(r"^sched: policy prio$", open(os.path.join("build", "run", "kernel.log")).read(),
             "make run SCHED=prio to boot with sched=prio")
    t.sh("make -s run SCHED=prio BOOTARGS=sched=mlfq CMD=true > /dev/null", timeout=120)
    t.expect(r"^sched: policy mlfq$", open(os.path.join("build", "run", "kernel.log")).read(),
             "a sched= in BOOTARGS to win over SCHED")
