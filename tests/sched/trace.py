"""The scheduling trace end to end: /bin/schedtrace records schedemo's three
jobs (30:20:10 tickets under stride) under a header that says the policy and
HZ, tools/schedtrace.py turns the text into two well-formed SVG pictures and
a table that names the policy and HZ and whose shares are 50/33/17%; it
promises shares only for the policies that promise them (lottery and stride
by tickets, cfs by weight); the
kernel's power-off dump (schedtrace=dump) prints the rest in the same form;
an unknown sched= lists the known policies; ps -s shows the statistics."""
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
import schedtrace  # noqa: E402

OUT = os.path.join("build", "tests", "sched")


def run(t):
    # One CPU: stride's shares hold per CPU (docs/scheduler.md).
    r = t.run_cmd("schedtrace schedemo -t 300 30 20 10; ps -s", bootargs="sched=stride schedtrace=dump",
                  timeout=60, extra=("-smp", "1"))
    t.check("panic:" not in r.out, "the kernel panicked")
    t.expect(r"^schedtrace hz=100 policy=stride$", r.out[:r.out.index("schedtrace end")],
             "/bin/schedtrace's header line, with the policy and HZ")
    t.expect(r"^schedtrace end$", r.out, "schedtrace's end line")
    t.expect(r"^schedtrace hz=\d+ policy=stride$", r.out,
             "the power-off dump's header (schedtrace=dump)")
    # The table, from the user program's part of the output.
    user_part = r.out[:r.out.index("schedtrace end")]
    trace = schedtrace.parse(user_part.splitlines())
    jobs = schedtrace.shown(trace, only_labelled=True)
    t.check(len(jobs) == 3, f"three labelled jobs, got {len(jobs)}")
    total = sum(p.run_ticks for p in jobs)
    for p, want in zip(jobs, (50.0, 33.3, 16.7)):
        share = 100.0 * p.run_ticks / total
        t.check(abs(share - want) <= 2.0, f"{p.label}: a share of {want}%, got {share:.1f}%")
        t.check(p.created is not None and p.first_run is not None,
                f"{p.label}: its creation and first run in the trace")
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, "trace.txt")
    with open(path, "w") as f:
        f.write(user_part)
    out = t.sh(f"python3 tools/schedtrace.py --only-labelled --timeline {OUT}/timeline.svg "
               f"--shares {OUT}/shares.svg {path}")
    t.expect(r"^pid \d+ \(cpu tickets=30\)\s+\d+\s+\d+\.\d%", out, "the table's row for 30 tickets")
    t.expect(r"^policy stride, hz 100;", out, "the table's policy and hz")
    for svg in ("timeline.svg", "shares.svg"):
        root = ET.parse(os.path.join(OUT, svg)).getroot()
        t.check(root.tag.endswith("svg"), f"{svg} is an SVG document")
        rects = [e for e in root.iter() if e.tag.rsplit("}", 1)[-1] in ("rect", "polyline", "line")]
        t.check(len(rects) > 10, f"{svg} draws something ({len(rects)} shapes)")
    promises(t)
    # ps -s
    t.expect(r"^PID\s+STATE\s+PRI\s+TICKS\s+SCHED\s+READY\s+START\s+RESP\s+TURN NAME$", r.out,
             "ps -s's header")
    t.expect(r"^1\s+blocked\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+-\s+init$", r.out,
             "ps -s's line for init (response known, no turnaround)")
    # An unknown policy: the list, then rr.
    r = t.run_cmd("true", bootargs="sched=nosuch", timeout=30)
    t.expect(r"sched: unknown policy 'nosuch'; known policies: (\w+ ?)+; using rr", r.out)
    for name in ("rr", "prio", "mlfq", "lottery", "stride", "cfs"):
        t.check(re.search(rf"known policies:.*\b{name}\b", r.out), f"{name} in the list")


def promises(t):
    """Expected shares from labels: by tickets under lottery and stride, by
    cfs's weights for priorities, none under the other policies."""
    def expect(policy, labels):
        lines = [f"schedtrace hz=100 policy={policy}", "ev 1 0 5 new"]
        lines += [f"sched-label {5 + i} {text}" for i, text in enumerate(labels)]
        trace = schedtrace.parse(lines)
        return schedtrace.expected_shares(trace, schedtrace.shown(trace, True))
    tickets = ["cpu tickets=30", "cpu tickets=20", "cpu tickets=10"]
    for policy in ("lottery", "stride"):
        got = expect(policy, tickets)
        t.check(got and [round(x, 3) for x in got] == [0.5, 0.333, 0.167], f"{policy}'s shares: {got}")
    for policy in ("rr", "prio", "mlfq", ""):
        t.check(expect(policy, tickets) is None, f"{policy or 'no policy'} promises no shares")
    got = expect("cfs", ["cpu prio=18", "cpu prio=16", "cpu prio=14"])
    want = [w / (1586 + 1024 + 655) for w in (1586, 1024, 655)]
    t.check(got and all(abs(a - b) < 1e-9 for a, b in zip(got, want)), f"cfs's shares by weight: {got}")
