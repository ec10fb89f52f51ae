"""make sched-demo draws what each policy does from the kernel's own trace.
Lottery (tickets 30:20:10): a timeline, a zoom on the first 100 ticks and a
shares-over-time plot (SVG) with the tickets' promised shares as lines, and
a table with those shares. mlfq (a CPU-bound and an I/O-bound job): no
promised-share lines (mlfq promises none), the jobs' queue levels and the
boosts drawn, and the I/O job's drawn running time agrees with the table
(a run shorter than a tick is not painted a tick wide). schedemo without
jobs is a usage error. make run SCHED=prio runs under prio, and a sched= in
BOOTARGS wins over SCHED. The lottery and mlfq demos run at CPUS=1: the
shares a policy promises hold per CPU (docs/scheduler.md, "Several
CPUs"). rr at CPUS=2 draws one lane per CPU: every switch is on its CPU's
lane, the lanes agree with the table's CPU ticks, and a job that moved
between CPUs (its migrations in the table) appears in both lanes.
prio's inversion demo (schedemo -i): high gets the mutex in about the 30
ticks low needs, as low runs at high's donated 30 and then drops back to
10 (its priority line, from procinfo's eff_prio, drawn in its row); with
the boot option donate=off, high never gets it and low stays at 10."""
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
import schedtrace  # noqa: E402

slow = True
DEMO = os.path.join("build", "sched-demo")


def svg(name):
    return ET.parse(os.path.join(DEMO, name)).getroot()


def shapes(root, cls, pid=None):
    return [e for e in root.iter() if e.get("class") == cls and (pid is None or e.get("data-pid") == pid)]


def lottery(t):
    out = t.sh("make -s sched-demo SCHED=lottery DEMO_TICKS=400 CPUS=1", timeout=180)
    for kind in ("timeline", "zoom", "shares"):
        t.check(os.path.exists(os.path.join(DEMO, f"lottery-{kind}.svg")), f"lottery-{kind}.svg written")
        svg(f"lottery-{kind}.svg")     # well-formed
    rows = re.findall(r"^pid \d+ \(cpu tickets=(\d+)\)\s+(\d+)\s+([\d.]+)%", out, re.M)
    t.check(len(rows) == 3, "a table row per job")
    for tickets, _, share in rows:
        want = int(tickets) / 60 * 100
        t.check(abs(float(share) - want) <= 10, f"{tickets} tickets: about {want:.0f}%, got {share}%")
    t.check(len(shapes(svg("lottery-shares.svg"), "promise")) == 3,
            "lottery's shares plot draws the tickets' promise, a line per job")


def drawn_running(root, pid):
    """The fraction of the row's bar painted 'running'."""
    area = sum(float(e.get("width")) * float(e.get("height")) for e in shapes(root, "running", pid))
    return area / (schedtrace.TIMELINE_WIDTH * schedtrace.BAR)


def mlfq(t):
    out = t.sh("make -s sched-demo SCHED=mlfq DEMO_TICKS=300 CPUS=1", timeout=180)
    t.expect(r"^policy mlfq, hz \d+;", out, "the table's policy and hz")
    span = t.expect(r"ticks (\d+)\.\.(\d+)", out, "the table's span")
    ticks = int(span.group(2)) - int(span.group(1))
    rows = {kind: (pid, int(cpu)) for pid, kind, cpu in
            re.findall(r"^pid (\d+) \((cpu|io)\)\s+(\d+)", out, re.M)}
    t.check(set(rows) == {"cpu", "io"}, f"a CPU-bound and an I/O-bound job in the table: {rows}")
    t.check(rows["io"][1] * 20 < ticks, f"the I/O-bound job used little CPU ({rows['io'][1]} of {ticks})")
    timeline = svg("mlfq-timeline.svg")
    for kind, (pid, cpu) in rows.items():
        drawn, table = drawn_running(timeline, pid), cpu / ticks
        t.check(abs(drawn - table) <= 0.02,
                f"the {kind} job is drawn running {drawn:.1%} of the time, the table says {table:.1%}")
    t.check(shapes(timeline, "brief", rows["io"][0]),
            "the I/O job's runs shorter than a tick are marked")
    t.check(len(shapes(timeline, "level")) == 2, "a level line per job")
    t.check(len(shapes(timeline, "boost")) >= 2, "the boosts (every 100 ticks) drawn")
    t.check(not shapes(svg("mlfq-shares.svg"), "promise"), "mlfq promises no shares: no share lines")


def lanes(t):
    out = t.sh("make -s sched-demo SCHED=rr DEMO_TICKS=400 CPUS=2", timeout=180)
    head = t.expect(r"^process .* on CPUs +migrations$", out, "with 2 CPUs the table has CPU columns")
    rows = re.findall(r"^pid (\d+) \((cpu|io)\)\s+(\d+)\s.*\s([\d,]+|-)\s+(\d+)$", out, re.M)
    t.check(len(rows) == 3, f"a table row per job: {rows}")
    timeline = svg("rr-timeline.svg")
    lanes_of = {}
    for e in shapes(timeline, "lane"):
        lanes_of.setdefault(e.get("data-pid"), set()).add(e.get("data-cpu"))
    t.check(set().union(*lanes_of.values()) == {"0", "1"} if lanes_of else False,
            f"a lane per CPU, both used: {lanes_of}")
    trace = schedtrace.parse(open(os.path.join(DEMO, "rr.trace")).read().splitlines())
    for pid, kind, ticks, on, migrations in rows:
        on_lanes = sorted(lanes_of.get(pid, set()))
        if on != "-":
            t.check(on_lanes == on.split(","), f"pid {pid} ({kind}): table says CPUs {on}, lanes {on_lanes}")
        lane_ticks = sum(e - s for lane in trace.lanes.values() for s, e, p in lane if p == int(pid))
        t.check(lane_ticks == int(ticks), f"pid {pid}: {lane_ticks} ticks in the lanes, {ticks} in the table")
        if int(migrations):
            t.check(len(on_lanes) == 2, f"pid {pid} migrated {migrations} times but is in lanes {on_lanes}")
    t.check(any(int(m) > 0 for *_, m in rows), f"3 jobs on 2 CPUs: some job moves between CPUs: {rows}")


def inversion_demo(t, bootargs=""):
    """Runs schedemo -i under prio; returns its trace's text and low's
    priority line (the values of its sched-level lines)."""
    t.sh(f"make -s sched-demo SCHED=prio DEMO=-i DEMO_TICKS=200 BOOTARGS={bootargs}", timeout=180)
    out = open(os.path.join(DEMO, "prio.trace")).read()
    low = t.expect(r"^sched-label (\d+) low prio=10", out, "low's label")
    trace = schedtrace.parse(out.splitlines())
    return out, [lv for _, lv in trace.procs[int(low.group(1))].levels]


def inversion(t):
    out, levels = inversion_demo(t)
    waited = t.expect(r"^schedemo: high waited (\d+) ticks for the mutex", out,
                      "high to get the mutex within the demo")
    t.check(int(waited.group(1)) <= 40,
            f"high to wait about the 30 ticks low needs, not for mid: {waited.group(0)}")
    t.check(levels[:3] == [10, 30, 10], f"low's priority line: 10, 30 (donated), 10; got {levels}")
    t.check(len(shapes(svg("prio-timeline.svg"), "level")) == 3, "a priority line per process")
    out, levels = inversion_demo(t, "donate=off")
    t.expect(r"^schedemo: high never got the mutex in \d+ ticks: priority inversion", out,
             "donate=off: high waits for mid, the whole demo")
    t.check(levels == [10], f"donate=off: low's priority line stays at 10; got {levels}")
    r = t.run_cmd("schedemo -i cpu", timeout=60)
    t.expect(r"^exit status: 2$", r.out, "schedemo -i with jobs: a usage error")


def run(t):
    inversion(t)
    lottery(t)
    mlfq(t)
    lanes(t)
    r = t.run_cmd("schedemo", timeout=60)
    t.expect(r"^usage: schedemo ", r.out, "schedemo without jobs: a usage line")
    t.expect(r"^exit status: 2$", r.out, "schedemo without jobs: exit status 2")
    log = os.path.join("build", "tests", "sched", "demo-kernel.log")     # ours alone
    os.makedirs(os.path.dirname(log), exist_ok=True)    # a fresh tree may not have it yet
    t.sh(f"RUN_LOG={log} make -s run SCHED=prio CMD=true > /dev/null", timeout=120)
    t.expect(r"^sched: policy prio$", open(log).read(), "make run SCHED=prio to boot with sched=prio")
    t.sh(f"RUN_LOG={log} make -s run SCHED=prio BOOTARGS=sched=mlfq CMD=true > /dev/null", timeout=120)
    t.expect(r"^sched: policy mlfq$", open(log).read(), "a sched= in BOOTARGS to win over SCHED")
