#!/usr/bin/env python3
"""Turn a scheduling trace into pictures and a table (Python standard library only).

The input is the text the kernel writes (boot option schedtrace=dump, at
power-off) or /bin/schedtrace prints, possibly mixed with other output:

    schedtrace [hz=100] [policy=lottery]
    ev TICK FROM TO KIND        one per event; KIND as in kernel/abi/schedtrace.h
    sched-label PID TEXT        optional names for the rows (schedemo prints them)
    sched-name PID NAME         a process's name (/bin/schedtrace prints them)
    schedtrace end

From the events it rebuilds each process's state over time (running, ready,
blocked, suspended) and writes

    --timeline FILE.svg   one row per process, one colour per state, time across
    --shares FILE.svg     cumulative CPU ticks and CPU share over time, with the
                          shares the tickets promise (labels "tickets=N") dashed
    a table on standard output: CPU ticks and share, times scheduled, time
    ready, response (first run - creation) and turnaround (exit - creation)

Usage: schedtrace.py [--timeline OUT.svg] [--shares OUT.svg] [--title T]
                     [--only-labelled] [--window A:B] [TRACE ...]   (default: standard input)
--window A:B keeps ticks A to B after the first event (the table too).
Times are in ticks (HZ from the header, default 100).
"""
import argparse
import re
import sys

SWITCH_TO_READY = {"preempted", "yielded", "woken"}
SWITCH_KINDS = SWITCH_TO_READY | {"blocked", "exited", "suspended"}
COLOURS = {"running": "#2e7d32", "ready": "#f9a825", "blocked": "#b0bec5",
           "suspended": "#8e24aa"}
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

    def enter(self, state, tick):
        # A run shorter than a tick is kept (drawn as a thin mark): the
        # trace's clock is the tick, and an I/O-bound job lives between ticks.
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
        self.hz = 100
        self.policy = ""
        self.procs = {}
        self.start = None
        self.end = None
        self.lost = 0
        self.events = 0

    def proc(self, pid, tick):
        p = self.procs.get(pid)
        if p is None:
            p = self.procs[pid] = Proc(pid)
            p.since = tick
        return p

    def event(self, tick, frm, to, kind):
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
        for p in self.procs.values():
            p.enter(None, self.end if self.end is not None else 0)


def parse(lines):
    t = Trace()
    for line in lines:
        line = line.strip()
        m = re.match(r"^ev (\d+) (-?\d+) (-?\d+) (\w+)$", line)
        if m:
            t.event(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4))
            continue
        m = re.match(r"^schedtrace(\s.*)?$", line)
        if m and line != "schedtrace end":
            for key, val in re.findall(r"(\w+)=(\S+)", line):
                if key == "hz":
                    t.hz = int(val)
                elif key == "policy":
                    t.policy = val
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
    out = [f"policy {t.policy or '?'}; {t.events} events, ticks {t.start}..{t.end}"
           + (f"; {t.lost} events lost" if t.lost else "")]
    out.append(f"{'process':<28} {'cpu':>6} {'share':>7} {'sched':>6} {'ready':>6} "
               f"{'response':>8} {'turnaround':>10}")
    for p in procs:
        resp = p.first_run - p.created if p.created is not None and p.first_run is not None else None
        turn = p.exited - p.created if p.created is not None and p.exited is not None else None
        out.append(f"{name(p):<28} {p.run_ticks:>6} {100.0 * p.run_ticks / total:>6.1f}% "
                   f"{p.nscheduled:>6} {p.ready_ticks:>6} "
                   f"{'-' if resp is None else resp:>8} {'-' if turn is None else turn:>10}")
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


def timeline_svg(t, procs, title):
    left, right, top, row = 170, 20, 50, 22
    width = 1000
    t0, t1 = (t.start or 0), max((t.end or 0), (t.start or 0) + 1)
    scale = width / (t1 - t0)
    height = top + row * len(procs) + 60
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + right}" '
           f'height="{height}" font-family="sans-serif" font-size="12">',
           f'<rect width="100%" height="100%" fill="white"/>',
           f'<text x="{left}" y="20" font-size="15">{esc(title)}</text>']
    for i, p in enumerate(procs):
        y = top + i * row
        svg.append(f'<text x="{left - 6}" y="{y + row * 0.65:.1f}" text-anchor="end">'
                   f'{esc(name(p))}</text>')
        svg.append(f'<line x1="{left}" y1="{y + row - 2}" x2="{left + width}" y2="{y + row - 2}" '
                   f'stroke="#eeeeee"/>')
        segs = merge(p.segments)
        # running last, so that a run shorter than a tick stays visible
        for s, e, state in sorted(segs, key=lambda seg: seg[2] == "running"):
            if state not in COLOURS:
                continue
            x = left + (s - t0) * scale
            w = max((e - s) * scale, 1.0)
            svg.append(f'<rect x="{x:.2f}" y="{y + 3}" width="{w:.2f}" height="{row - 8}" '
                       f'fill="{COLOURS[state]}"><title>{state} {s}-{e}</title></rect>')
    axis_y = top + row * len(procs) + 4
    svg.append(f'<line x1="{left}" y1="{axis_y}" x2="{left + width}" y2="{axis_y}" stroke="black"/>')
    step = nice_step(t1 - t0)
    tick = (t0 // step + 1) * step if t0 % step else t0
    while tick <= t1:
        x = left + (tick - t0) * scale
        svg.append(f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="black"/>')
        svg.append(f'<text x="{x:.1f}" y="{axis_y + 18}" text-anchor="middle">{tick}</text>')
        tick += step
    svg.append(f'<text x="{left + width / 2}" y="{axis_y + 34}" text-anchor="middle">'
               f'time (ticks, {t.hz} per second)</text>')
    lx = left
    for state, colour in COLOURS.items():
        svg.append(f'<rect x="{lx}" y="28" width="12" height="12" fill="{colour}"/>')
        svg.append(f'<text x="{lx + 16}" y="39">{state}</text>')
        lx += 90
    svg.append("</svg>")
    return "\n".join(svg) + "\n"


def merge(segments):
    out = []
    for s, e, state in segments:
        if out and out[-1][2] == state and out[-1][1] == s:
            out[-1] = (out[-1][0], e, state)
        else:
            out.append((s, e, state))
    return out


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


def expected_shares(procs):
    tickets = []
    for p in procs:
        m = re.search(r"tickets=(\d+)", p.label)
        if not m:
            return None
        tickets.append(int(m.group(1)))
    total = sum(tickets)
    return [n / total for n in tickets] if total else None


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
    expect = expected_shares(procs)
    for i, c in enumerate(curves):
        colour = LINE_COLOURS[i % len(LINE_COLOURS)]
        pts = [(xs(k), y2 + panel - (c[k] / total[k]) * panel)
               for k in range(0, n + 1, stride) if total[k] > 0]
        if pts:
            poly(pts, colour)
        if expect:
            y = y2 + panel - expect[i] * panel
            poly([(xs(0), y), (xs(n), y)], colour, "5,4")
    svg.append(f'<text x="{left + width / 2}" y="{y2 + panel + 34}" text-anchor="middle">'
               f'time (ticks, {t.hz} per second)</text>')
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
        svg.append(f'<text x="{left + width + 14}" y="{y + 4}">dashed: tickets\' share</text>')
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
