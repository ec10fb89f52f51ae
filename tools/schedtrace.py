#!/usr/bin/env python3
"""Turn a scheduling trace into pictures and a table (Python standard library only).

The input is the text the kernel writes (boot option schedtrace=dump, at
power-off) or /bin/schedtrace prints, possibly mixed with other output:

    schedtrace [hz=100] [policy=lottery]
    ev TICK FROM TO KIND [CPU]  one per event; KIND as in kernel/abi/schedtrace.h;
                                CPU where it happened (older traces have none)
    sched-label PID TEXT        optional names for the rows (schedemo prints them)
    sched-name PID NAME         a process's name (/bin/schedtrace prints them)
    sched-level TICK PID LEVEL  a process's priority from then on (schedemo -l:
                                mlfq's queue level)
    schedtrace end

From the events it rebuilds each process's state over time (running, ready,
blocked, suspended) and writes

    --timeline FILE.svg   one row per process, one colour per state, time across;
                          each pixel column shows the share of its time spent in
                          each state, so the picture agrees with the table; a run
                          shorter than a tick (it has no length on the tick
                          clock) is a separate mark above the bar; levels
                          (sched-level) are a line in the row, and a tick where
                          a level rises (mlfq's boost) a dashed line across;
                          below the processes, one lane per CPU (when the trace
                          says where events happened) shows which process each
                          CPU ran, so a job moving between CPUs changes lanes
    --shares FILE.svg     cumulative CPU ticks and CPU share over time, with the
                          shares the policy promises dashed, for the policies
                          that promise shares: lottery and stride (labels
                          "tickets=N"), cfs (labels "prio=N", through its weights)
    a table on standard output: CPU ticks and share, times scheduled, time
    ready, response (first run - creation) and turnaround (exit - creation);
    with several CPUs also the CPUs each process ran on and its migrations
    (times it started running on a CPU other than the one it last ran on)

Usage: schedtrace.py [--timeline OUT.svg] [--shares OUT.svg] [--title T]
                     [--only-labelled] [--window A:B] [TRACE ...]   (default: standard input)
--window A:B keeps ticks A to B after the first event (the table too).
Times are in ticks (HZ from the header; the table says "hz ?" without one).
"""
import argparse
import re
import sys

SWITCH_TO_READY = {"preempted", "yielded", "woken"}
SWITCH_KINDS = SWITCH_TO_READY | {"blocked", "exited", "suspended"}
COLOURS = {"running": "#2e7d32", "ready": "#f9a825", "blocked": "#b0bec5",
           "suspended": "#8e24aa"}
TIMELINE_WIDTH = 1000          # pixels of time across, one column each
BAR = 16                        # pixels: the height of a row's bar
BRIEF_COLOUR = "#1b5e20"        # the mark of a run shorter than a tick
# The policies that promise each process a share, and the label field
# that says how much: tickets, or a priority that cfs turns into a weight.
SHARE_POLICIES = {"lottery": "tickets", "stride": "tickets", "cfs": "prio"}
# Linux's sched_prio_to_weight for nice -15 .. 16, as kernel/proc/sched_cfs.c
# uses it: priority P (0..31) has nice 16 - P, so this is indexed by 31 - P.
CFS_WEIGHTS = [29154, 23254, 18705, 14949, 11916, 9548, 7620, 6100, 4904, 3906,
               3121, 2501, 1991, 1586, 1277, 1024, 820, 655, 526, 423,
               335, 272, 215, 172, 137, 110, 87, 70, 56, 45, 36, 29]
LINE_COLOURS = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f",
                "#4e342e", "#ad1457"]


class Proc:
    def __init__(self, pid):
        self.pid = pid
        self.label = ""
        self.pname = ""
        self.state = None           # None: not known yet
        self.since = None
        self.segments = []          # (start, end, state)
        self.created = None
        self.first_run = None
        self.exited = None
        self.nscheduled = 0
        self.run_ticks = 0
        self.ready_ticks = 0
        self.levels = []            # (tick, level) from sched-level lines
        self.cpus = set()           # the CPUs it ran on
        self.last_cpu = None
        self.migrations = 0

    def enter(self, state, tick):
        # A run shorter than a tick is kept (with no length, drawn as a
        # mark): the trace's clock is the tick, and an I/O-bound job lives
        # between ticks.
        if self.state is not None and self.since is not None and (
                tick > self.since or self.state == "running"):
            self.segments.append((self.since, tick, self.state))
            if self.state == "running":
                self.run_ticks += tick - self.since
            elif self.state == "ready":
                self.ready_ticks += tick - self.since
        self.state, self.since = state, tick


class Trace:
    def __init__(self):
        self.hz = None              # from the header; None: not said
        self.policy = ""
        self.procs = {}
        self.start = None
        self.end = None
        self.lost = 0
        self.events = 0
        self.lanes = {}             # cpu -> [(start, end, pid)]: what it ran
        self.lane_now = {}          # cpu -> (pid, since): running now

    def proc(self, pid, tick):
        p = self.procs.get(pid)
        if p is None:
            p = self.procs[pid] = Proc(pid)
            p.since = tick
        return p

    def lane_switch(self, cpu, to, tick):
        """CPU cpu stops running what it ran and starts `to` (0: idle)."""
        if cpu in self.lane_now:
            pid, since = self.lane_now.pop(cpu)
            self.lanes.setdefault(cpu, []).append((since, tick, pid))
        self.lanes.setdefault(cpu, [])
        if to != 0:
            self.lane_now[cpu] = (to, tick)
            p = self.proc(to, tick)
            if p.last_cpu is not None and p.last_cpu != cpu:
                p.migrations += 1
            p.last_cpu = cpu
            p.cpus.add(cpu)

    def event(self, tick, frm, to, kind, cpu=None):
        self.events += 1
        if self.start is None:
            self.start = tick
        self.end = tick
        if kind == "lost":
            self.lost += frm
            for p in self.procs.values():
                p.enter(None, tick)
            return
        if kind in ("new", "ready"):
            p = self.proc(to, tick)
            if kind == "new":
                p.created = tick
            p.enter("ready", tick)
            return
        if kind not in SWITCH_KINDS:
            return
        if cpu is not None and cpu >= 0:
            self.lane_switch(cpu, to, tick)
        a, b = self.proc(frm, tick), self.proc(to, tick)
        if a.state is None:
            a.state = "running"     # it was running before the trace began
        if kind in SWITCH_TO_READY:
            a.enter("ready", tick)
        elif kind == "exited":
            a.enter(None, tick)
            a.exited = tick
        else:
            a.enter(kind, tick)
        if b.state is None:
            b.state = "ready"
        b.enter("running", tick)
        b.nscheduled += 1
        if b.first_run is None:
            b.first_run = tick

    def finish(self):
        end = self.end if self.end is not None else 0
        for p in self.procs.values():
            p.enter(None, end)
        for cpu in list(self.lane_now):
            self.lane_switch(cpu, 0, end)


def parse(lines):
    t = Trace()
    for line in lines:
        line = line.strip()
        m = re.match(r"^ev (\d+) (-?\d+) (-?\d+) (\w+)(?: (-?\d+))?$", line)
        if m:
            cpu = int(m.group(5)) if m.group(5) is not None else None
            t.event(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4), cpu)
            continue
        m = re.match(r"^schedtrace(\s.*)?$", line)
        if m and line != "schedtrace end":
            for key, val in re.findall(r"(\w+)=(\S+)", line):
                if key == "hz":
                    t.hz = int(val)
                elif key == "policy":
                    t.policy = val
            continue
        m = re.match(r"^sched-level (\d+) (\d+) (-?\d+)$", line)
        if m:
            t.proc(int(m.group(2)), 0).levels.append((int(m.group(1)), int(m.group(3))))
            continue
        m = re.match(r"^sched-(label|name) (\d+) (.*)$", line)
        if m:
            p = t.proc(int(m.group(2)), 0)
            if m.group(1) == "label":
                p.label = m.group(3).strip()
            else:
                p.pname = m.group(3).strip()
    t.finish()
    return t


def clip(t, a, b):
    """Keeps ticks [start+a, start+b] of every process's history."""
    lo, hi = t.start + a, min(t.start + b, t.end)
    for p in t.procs.values():
        segs = [(max(s, lo), min(e, hi), st) for s, e, st in p.segments if e > lo and s < hi]
        p.segments = segs
        p.run_ticks = sum(e - s for s, e, st in segs if st == "running")
        p.ready_ticks = sum(e - s for s, e, st in segs if st == "ready")
    for cpu, lane in t.lanes.items():
        t.lanes[cpu] = [(max(s, lo), min(e, hi), pid) for s, e, pid in lane if e > lo and s < hi]
    t.start, t.end = lo, hi


def shown(t, only_labelled):
    procs = sorted((p for p in t.procs.values() if p.pid != 0), key=lambda p: p.pid)
    if only_labelled and any(p.label for p in procs):
        procs = [p for p in procs if p.label]
    return procs


def name(p):
    text = p.label or p.pname
    return f"pid {p.pid}" + (f" ({text})" if text else "")


def table(t, procs):
    total = sum(p.run_ticks for p in procs) or 1
    out = [f"policy {t.policy or '?'}, hz {t.hz or '?'}; {t.events} events, ticks {t.start}..{t.end}"
           + (f"; {t.lost} events lost" if t.lost else "")]
    smp = len(t.lanes) > 1
    out.append(f"{'process':<28} {'cpu':>6} {'share':>7} {'sched':>6} {'ready':>6} "
               f"{'response':>8} {'turnaround':>10}" + (f" {'on CPUs':>8} {'migrations':>10}" if smp else ""))
    for p in procs:
        resp = p.first_run - p.created if p.created is not None and p.first_run is not None else None
        turn = p.exited - p.created if p.created is not None and p.exited is not None else None
        on = ",".join(str(c) for c in sorted(p.cpus)) or "-"
        out.append(f"{name(p):<28} {p.run_ticks:>6} {100.0 * p.run_ticks / total:>6.1f}% "
                   f"{p.nscheduled:>6} {p.ready_ticks:>6} "
                   f"{'-' if resp is None else resp:>8} {'-' if turn is None else turn:>10}"
                   + (f" {on:>8} {p.migrations:>10}" if smp else ""))
    return "\n".join(out)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def nice_step(span, target=10):
    raw = max(span / target, 1)
    mag = 10 ** len(str(int(raw))) // 10 or 1
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def time_axis(t):
    return f"time (ticks, {t.hz} per second)" if t.hz else "time (ticks)"


def columns(p, t0, t1, ncols):
    """Per pixel column: the fraction of its time p spent in each state, and
    whether p was scheduled there for less than a tick (a run that starts
    and ends at the same tick has no length on the trace's clock)."""
    per = (t1 - t0) / ncols
    share = [dict() for _ in range(ncols)]
    brief = [False] * ncols
    for s, e, state in p.segments:
        if e <= s:
            if state == "running" and t0 <= s <= t1:
                brief[min(int((s - t0) / per), ncols - 1)] = True
            continue
        for c in range(max(int((s - t0) / per), 0), min(int((e - t0) / per) + 1, ncols)):
            lo = t0 + c * per
            overlap = min(e, lo + per) - max(s, lo)
            if overlap > 0:
                share[c][state] = share[c].get(state, 0.0) + overlap / per
    return share, brief


def runs(values):
    """(first index, count, value) for each run of equal values."""
    out = []
    for i, v in enumerate(values):
        if out and out[-1][2] == v:
            out[-1][1] += 1
        else:
            out.append([i, 1, v])
    return out


def draw_states(svg, p, t0, t1, x0, y, width, height):
    """The row's bar: each column stacks its states, running at the bottom,
    each as tall as its share of the column's time; brief runs are marks
    above the bar."""
    share, brief = columns(p, t0, t1, width)
    key = [tuple(round(col.get(st, 0.0), 2) for st in COLOURS) for col in share]
    for first, count, fracs in runs(key):
        bottom = y + height
        for state, frac in zip(COLOURS, fracs):
            if frac <= 0:
                continue
            h = frac * height
            bottom -= h
            svg.append(f'<rect class="{state}" data-pid="{p.pid}" x="{x0 + first}" '
                       f'y="{bottom:.2f}" width="{count}" height="{h:.2f}" fill="{COLOURS[state]}">'
                       f'<title>{state} {frac:.0%} of ticks {t0 + first * (t1 - t0) / width:.1f}-'
                       f'{t0 + (first + count) * (t1 - t0) / width:.1f}</title></rect>')
    for first, count, mark in runs(brief):
        if mark:
            svg.append(f'<rect class="brief" data-pid="{p.pid}" x="{x0 + first}" y="{y - 4}" '
                       f'width="{count}" height="3" fill="{BRIEF_COLOUR}"/>')


def level_y(level, top, y, height):
    return y + 1 + (top - level) / max(top, 1) * (height - 2)


def draw_levels(svg, p, t0, t1, x0, y, height, top, scale):
    """p's level over time as a step line in its row (top of the row: the
    highest level any process reached)."""
    pts, level = [], None
    for tick, lv in p.levels:
        if tick > t1:
            break
        x = x0 + (max(tick, t0) - t0) * scale
        if level is not None:
            pts.append((x, level_y(level, top, y, height)))
        level = lv
        pts.append((x, level_y(level, top, y, height)))
    if level is None:
        return
    pts.append((x0 + (t1 - t0) * scale, level_y(level, top, y, height)))
    text = " ".join(f"{x:.1f},{yy:.1f}" for x, yy in pts)
    svg.append(f'<polyline class="level" data-pid="{p.pid}" points="{text}" fill="none" '
               f'stroke="black" stroke-width="1.5"/>')


def boosts(procs):
    """The ticks at which some process's level rose (mlfq's boost)."""
    out = set()
    for p in procs:
        for (_, before), (tick, after) in zip(p.levels, p.levels[1:]):
            if after > before:
                out.add(tick)
    return sorted(out)


def lane_colour(pid):
    return LINE_COLOURS[pid % len(LINE_COLOURS)]


def draw_lanes(svg, t, shown_pids, t0, t1, x0, y, row, bar, scale):
    """One lane per CPU: a bar for each stretch a process ran there,
    coloured by process (its pid written in when there is room)."""
    svg.append(f'<text x="{x0 - 6}" y="{y - 4}" text-anchor="end" font-weight="bold">CPUs</text>')
    for i, cpu in enumerate(sorted(t.lanes)):
        ly = y + i * row
        svg.append(f'<text x="{x0 - 6}" y="{ly + bar * 0.8:.1f}" text-anchor="end">CPU {cpu}</text>')
        svg.append(f'<rect x="{x0}" y="{ly}" width="{(t1 - t0) * scale:.1f}" height="{bar}" '
                   f'fill="#eceff1"><title>CPU {cpu} idle</title></rect>')
        for s, e, pid in t.lanes[cpu]:
            if pid not in shown_pids or e < t0 or s > t1:
                continue
            xs, xe = x0 + (max(s, t0) - t0) * scale, x0 + (min(e, t1) - t0) * scale
            w = max(xe - xs, 1.0)
            svg.append(f'<rect class="lane" data-cpu="{cpu}" data-pid="{pid}" x="{xs:.1f}" y="{ly}" '
                       f'width="{w:.1f}" height="{bar}" fill="{lane_colour(pid)}">'
                       f'<title>pid {pid} on CPU {cpu}, ticks {s}-{e}</title></rect>')
            if w >= 8 * len(str(pid)) + 4:
                svg.append(f'<text x="{xs + w / 2:.1f}" y="{ly + bar * 0.8:.1f}" text-anchor="middle" '
                           f'fill="white" font-size="11">{pid}</text>')


def timeline_svg(t, procs, title):
    left, right, top, row, bar = 170, 20, 70, BAR + 10, BAR
    width = TIMELINE_WIDTH
    t0, t1 = (t.start or 0), max((t.end or 0), (t.start or 0) + 1)
    scale = width / (t1 - t0)
    nlanes = len(t.lanes) if len(t.lanes) > 1 else 0
    lanes_h = row * nlanes + 20 if nlanes else 0
    height = top + row * len(procs) + lanes_h + 60
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + right}" '
           f'height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="100%" height="100%" fill="white"/>',
           f'<text x="{left}" y="20" font-size="15">{esc(title)}</text>']
    top_level = max((lv for p in procs for _, lv in p.levels), default=0)
    for i, p in enumerate(procs):
        y = top + i * row
        svg.append(f'<text x="{left - 6}" y="{y + bar * 0.8:.1f}" text-anchor="end">'
                   f'{esc(name(p))}</text>')
        draw_states(svg, p, t0, t1, left, y, width, bar)
        draw_levels(svg, p, t0, t1, left, y, bar, top_level, scale)
    if nlanes:
        draw_lanes(svg, t, {p.pid for p in procs}, t0, t1, left,
                   top + row * len(procs) + 20, row, bar, scale)
    axis_y = top + row * len(procs) + lanes_h + 4
    for tick in boosts(procs):
        if t0 <= tick <= t1:
            x = left + (tick - t0) * scale
            svg.append(f'<line class="boost" x1="{x:.1f}" y1="{top - 8}" x2="{x:.1f}" y2="{axis_y}" '
                       f'stroke="#c62828" stroke-dasharray="4,3"><title>boost at {tick}</title></line>')
    svg.append(f'<line x1="{left}" y1="{axis_y}" x2="{left + width}" y2="{axis_y}" stroke="black"/>')
    step = nice_step(t1 - t0)
    tick = (t0 // step + 1) * step if t0 % step else t0
    while tick <= t1:
        x = left + (tick - t0) * scale
        svg.append(f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="black"/>')
        svg.append(f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle">{tick}</text>')
        tick += step
    svg.append(f'<text x="{left + width / 2}" y="{axis_y + 34}" text-anchor="middle">'
               f'{time_axis(t)}</text>')
    legend(svg, left, procs, top_level)
    svg.append("</svg>")
    return "\n".join(svg) + "\n"


def legend(svg, x, procs, top_level):
    for state, colour in COLOURS.items():
        svg.append(f'<rect x="{x}" y="30" width="12" height="12" fill="{colour}"/>')
        svg.append(f'<text x="{x + 16}" y="41">{state}</text>')
        x += 90
    svg.append(f'<rect x="{x}" y="34" width="12" height="3" fill="{BRIEF_COLOUR}"/>')
    svg.append(f'<text x="{x + 16}" y="41">ran for less than a tick (no length on the tick clock)</text>')
    if any(p.levels for p in procs):
        svg.append(f'<text x="170" y="58">black line: priority from getprocs (mlfq: queue level; '
                   f'top of a row = {top_level}); red dashes: a level rose (boost)</text>')


def cumulative(p, t0, t1):
    """CPU ticks p has had by each tick t0..t1."""
    per_tick = [0] * (t1 - t0 + 1)
    for s, e, state in p.segments:
        if state == "running":
            for k in range(max(s, t0), min(e, t1 + 1)):
                per_tick[k - t0] += 1
    acc, out = 0, []
    for v in per_tick:
        acc += v
        out.append(acc)
    return out


def expected_shares(t, procs):
    """The shares the policy promises each process, or None when it promises
    none (rr, prio, mlfq, or an unknown policy) or a label lacks the amount."""
    field = SHARE_POLICIES.get(t.policy)
    if not field:
        return None
    weights = []
    for p in procs:
        m = re.search(rf"\b{field}=(\d+)", p.label)
        if not m or (field == "prio" and int(m.group(1)) >= len(CFS_WEIGHTS)):
            return None
        n = int(m.group(1))
        weights.append(n if field == "tickets" else CFS_WEIGHTS[len(CFS_WEIGHTS) - 1 - n])
    total = sum(weights)
    return [w / total for w in weights] if total else None


def shares_svg(t, procs, title):
    left, top, width, panel, gap = 70, 50, 900, 220, 70
    t0, t1 = (t.start or 0), max((t.end or 0), (t.start or 0) + 1)
    curves = [cumulative(p, t0, t1) for p in procs]
    total = [sum(c[k] for c in curves) for k in range(t1 - t0 + 1)]
    ymax = max([c[-1] for c in curves] + [1])
    xs = lambda k: left + k * width / (t1 - t0)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 280}" '
           f'height="{top + 2 * panel + gap + 60}" font-family="sans-serif" font-size="12">',
           '<rect width="100%" height="100%" fill="white"/>',
           f'<text x="{left}" y="22" font-size="15">{esc(title)}</text>']

    def frame(y0, label, ylabels):
        svg.append(f'<rect x="{left}" y="{y0}" width="{width}" height="{panel}" fill="none" '
                   f'stroke="black"/>')
        svg.append(f'<text x="16" y="{y0 + panel / 2}" transform="rotate(-90 16 {y0 + panel / 2})" '
                   f'text-anchor="middle">{label}</text>')
        for frac, text in ylabels:
            y = y0 + panel - frac * panel
            svg.append(f'<line x1="{left - 4}" y1="{y:.1f}" x2="{left + width}" y2="{y:.1f}" '
                       f'stroke="#eeeeee"/>')
            svg.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{text}</text>')
        step = nice_step(t1 - t0)
        tick = (t0 // step + 1) * step if t0 % step else t0
        while tick <= t1:
            x = xs(tick - t0)
            svg.append(f'<text x="{x:.1f}" y="{y0 + panel + 16}" text-anchor="middle">{tick}</text>')
            tick += step

    def poly(points, colour, dash=""):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        svg.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="1.5"{extra}/>')

    # Panel 1: cumulative CPU ticks (the OSTEP lab's graph).
    y1 = top
    ystep = nice_step(ymax, 5)
    frame(y1, "CPU ticks so far", [(v / ymax, str(v)) for v in range(0, ymax + 1, ystep)])
    n = t1 - t0
    stride = max(1, n // 1000)
    for i, c in enumerate(curves):
        colour = LINE_COLOURS[i % len(LINE_COLOURS)]
        poly([(xs(k), y1 + panel - c[k] / ymax * panel) for k in range(0, n + 1, stride)], colour)
    # Panel 2: share of the CPU so far, with the tickets' promise dashed.
    y2 = top + panel + gap
    frame(y2, "share of CPU so far", [(f, f"{int(f * 100)}%") for f in (0, .25, .5, .75, 1)])
    expect = expected_shares(t, procs)
    for i, c in enumerate(curves):
        colour = LINE_COLOURS[i % len(LINE_COLOURS)]
        pts = [(xs(k), y2 + panel - (c[k] / total[k]) * panel)
               for k in range(0, n + 1, stride) if total[k] > 0]
        if pts:
            poly(pts, colour)
        if expect:
            y = y2 + panel - expect[i] * panel
            svg.append(f'<line class="promise" x1="{xs(0):.1f}" y1="{y:.1f}" x2="{xs(n):.1f}" '
                       f'y2="{y:.1f}" stroke="{colour}" stroke-width="1.5" stroke-dasharray="5,4"/>')
    svg.append(f'<text x="{left + width / 2}" y="{y2 + panel + 34}" text-anchor="middle">'
               f'{time_axis(t)}</text>')
    # Legend.
    for i, p in enumerate(procs):
        colour = LINE_COLOURS[i % len(LINE_COLOURS)]
        y = top + 10 + i * 18
        final = curves[i][-1] / total[-1] if total[-1] else 0
        svg.append(f'<line x1="{left + width + 14}" y1="{y}" x2="{left + width + 34}" y2="{y}" '
                   f'stroke="{colour}" stroke-width="2"/>')
        svg.append(f'<text x="{left + width + 40}" y="{y + 4}">{esc(name(p))} '
                   f'{100 * final:.1f}%</text>')
    if expect:
        y = top + 10 + len(procs) * 18
        promise = "tickets" if SHARE_POLICIES[t.policy] == "tickets" else "weights"
        svg.append(f'<text x="{left + width + 14}" y="{y + 4}">dashed: the {promise}\' share</text>')
    svg.append("</svg>")
    return "\n".join(svg) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("traces", nargs="*")
    ap.add_argument("--timeline")
    ap.add_argument("--shares")
    ap.add_argument("--title", default="")
    ap.add_argument("--window", help="A:B: ticks A to B after the first event")
    ap.add_argument("--only-labelled", action="store_true",
                    help="show only processes with a sched-label line (if any)")
    args = ap.parse_args(argv)
    lines = []
    if args.traces:
        for path in args.traces:
            with open(path, errors="replace") as f:
                lines += f.read().splitlines()
    else:
        lines = sys.stdin.read().splitlines()
    t = parse(lines)
    if not t.events:
        sys.exit("schedtrace.py: no trace events in the input")
    if args.window:
        a, b = (int(v) for v in args.window.split(":"))
        clip(t, a, b)
    procs = shown(t, args.only_labelled)
    title = args.title or f"scheduling trace ({t.policy or 'policy unknown'})"
    if args.timeline:
        with open(args.timeline, "w") as f:
            f.write(timeline_svg(t, procs, title))
    if args.shares:
        sp = [p for p in procs if p.run_ticks > 0]
        with open(args.shares, "w") as f:
            f.write(shares_svg(t, sp, title + ": CPU shares over time"))
    print(table(t, procs))


if __name__ == "__main__":
    main()
