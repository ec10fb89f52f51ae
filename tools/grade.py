#!/usr/bin/env python3
"""`make grade LAB=NAME`: a scheduling lab's autograder (docs/labs/NAME.md).

Runs the lab's checks, prints each as OK or FAIL with what was expected,
then the score; exits 0 only with full marks. The checks are the same
tests `make test` runs on the reference solution:

  - in-guest property tests (user/schedtests/*.c, booted with sched=POLICY);
  - the host unit tests of the policy (tests/unit/test_sched_policies.c,
    the groups named after the policy), built by testrun.unit_build, the
    build make test uses (ASan, UBSan, -Werror; tests/labs/unit_build.py);
  - "breaks nothing": every in-guest process test (user/tests/) that passes
    under rr must pass under the lab's policy as well;
  - for the syscall lab, ps -s showing what the new call returns.

Usage: grade.py LAB   (syscall, prio, mlfq, lottery, stride)
Needs a built tree (make); BUILD selects the build directory. Each boot's
whole output is kept in BUILD/grade/LAB.POLICY.out (and LAB.rr.out).
"""
import os
import re
import subprocess
import sys
import threading
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests", "user"))
import testrun  # noqa: E402
from _sched import parse  # noqa: E402

BUILD = os.environ.get("BUILD", "build")

# Per lab: its policy, then (points, kind, name, what it proves).
#   guest: an in-guest test in /schedtest; unit: host unit groups "NAME: ...";
#   suite: the process suite under the policy, against rr; ps: ps -s.
LABS = {
    "syscall": ("rr", [
        (70, "guest", "syscall_schedstat",
         "schedstat(pid, &st): response and turnaround of live and zombie processes; -1 for "
         "a bad pid or pointer"),
        (30, "ps", "ps -s", "ps -s shows each process's response time (the RESP column)"),
    ]),
    "prio": ("prio", [
        (25, "guest", "prio_order", "the highest-priority ready process always runs"),
        (20, "guest", "prio_rr", "round-robin among equal priorities; lower ones wait"),
        (20, "guest", "prio_wakeup", "a wakeup preempts a lower-priority process at once"),
        (15, "unit", "prio", "the policy alone (host unit tests)"),
        (20, "suite", "suite", "the process suite passes under prio as under rr"),
    ]),
    "mlfq": ("mlfq", [
        (25, "guest", "mlfq_demote", "a CPU-bound job moves down at the documented allotments"),
        (20, "guest", "mlfq_io", "an I/O-bound job stays at the top"),
        (20, "guest", "mlfq_boost", "the boost rescues a starved job every 100 ticks"),
        (15, "unit", "mlfq", "the policy alone (host unit tests)"),
        (20, "suite", "suite", "the process suite passes under mlfq as under rr"),
    ]),
    "lottery": ("lottery", [
        (40, "guest", "lottery_share", "30:20:10 tickets give 50/33/17% +-5 points over 2000 ticks"),
        (20, "unit", "lottery", "the policy alone (host unit tests)"),
        (20, "guest", "any_calls", "settickets and getpinfo work as specified"),
        (20, "suite", "suite", "the process suite passes under lottery as under rr"),
    ]),
    "stride": ("stride", [
        (40, "guest", "stride_share", "30:20:10 tickets give exact shares, within one tick"),
        (20, "unit", "stride", "the policy alone (host unit tests)"),
        (20, "guest", "any_calls", "tickets and getpinfo still work"),
        (20, "suite", "suite", "the process suite passes under stride as under rr"),
    ]),
}


def boot(cmd, policy, timeout):
    """Boots like make run with sched=policy; returns what it printed."""
    t = testrun.Test("grade", types.ModuleType("grade"))
    r = t.run_cmd(cmd, mem=64, bootargs=f"sched={policy}", timeout=timeout)
    return r.out


def save_logs(lab, policy, outs):
    """Each boot's whole output, in build/grade/LAB.POLICY.out (and
    LAB.rr.out for the comparison run): for the student, and for
    tests/labs/strip_roundtrip.py, which checks the suite in them."""
    folder = os.path.join(ROOT, BUILD, "grade")
    os.makedirs(folder, exist_ok=True)
    for which, out in outs.items():
        name = policy if which == "policy" else "rr"
        with open(os.path.join(folder, f"{lab}.{name}.out"), "w") as f:
            f.write(out)


def tail_of(out, name, n=6):
    m = re.search(rf"^utest {re.escape(name)}: start\n(.*?)^utest {re.escape(name)}: ", out,
                  re.S | re.M)
    lines = m.group(1).splitlines() if m else []
    expected = [l.strip() for l in lines if "expected" in l or "CHECK failed" in l]
    return (expected or [l.strip() for l in lines])[-n:]


def run_unit(root=ROOT):
    """Builds (testrun.unit_build: the same build as make test, sanitizers and
    -Werror) and runs the policies' host unit tests; {group: (ok, lines)}."""
    exe, err = testrun.unit_build("tests/unit/test_sched_policies.c", root)
    if exe is None:
        return None, err.strip().splitlines()[-6:]
    p = subprocess.run([exe], cwd=root, capture_output=True, text=True, timeout=120)
    groups, current = {}, []
    for line in p.stdout.splitlines():
        m = re.match(r"^(PASS|FAIL) (.*)$", line)
        if m:
            groups[m.group(2)] = (m.group(1) == "PASS", current)
            current = []
        else:
            current.append(line.strip())
    if p.returncode != 0 and all(ok for ok, _ in groups.values()):
        return None, [f"the unit tests stopped (exit {p.returncode}):"] + \
            (p.stderr + p.stdout).strip().splitlines()[-5:]
    return groups, []


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in LABS:
        sys.exit(f"usage: make grade LAB=NAME  (NAME: {', '.join(LABS)})")
    lab = sys.argv[1]
    policy, checks = LABS[lab]
    os.chdir(ROOT)
    print(f"== grading lab {lab} (docs/labs/{lab}.md), policy {policy}")
    guest = [name for _, kind, name, _ in checks if kind == "guest"]
    want_suite = any(kind == "suite" for _, kind, _, _ in checks)
    outs = {}

    def under_policy():
        cmds = []
        if guest:
            cmds.append("runtests -t 6000 -a 1 -d /schedtest " + " ".join(guest))  # on CPU 0: the promises are per CPU
        if want_suite:
            cmds.append("runtests")
        if any(kind == "ps" for _, kind, _, _ in checks):
            cmds.append("ps -s")
        outs["policy"] = boot("; ".join(cmds), policy, 300)

    def under_rr():
        outs["rr"] = boot("runtests", "rr", 300)

    threads = [threading.Thread(target=under_policy)]
    if want_suite and policy != "rr":
        threads.append(threading.Thread(target=under_rr))
    for th in threads:
        th.start()
    unit, unit_err = (run_unit() if any(k == "unit" for _, k, _, _ in checks) else ({}, []))
    for th in threads:
        th.join()
    save_logs(lab, policy, outs)
    out = outs.get("policy", "")
    results = {name: (ok, detail) for name, ok, detail in parse(out, 0)}
    if "panic:" in out:
        print("  (the kernel panicked: " + out[out.index("panic:"):].splitlines()[0] + ")")
    score = total = 0
    for points, kind, name, what in checks:
        total += points
        ok, why = False, []
        if kind == "guest":
            if name in results:
                ok = results[name][0]
                why = tail_of(out, name) if not ok else []
                if not ok and not why:
                    why = [results[name][1]]
            else:
                why = ["the test did not run (does the kernel boot with this policy?)"]
        elif kind == "unit":
            if unit is None:
                why = ["the unit tests do not build:"] + unit_err
            else:
                mine = {g: v for g, v in unit.items() if g.startswith(name + ":")}
                ok = bool(mine) and all(v[0] for v in mine.values())
                for g, (gok, lines) in mine.items():
                    if not gok:
                        why += [g] + lines[-4:]
                if not mine:
                    why = [f"no unit test group for {name}"]
        elif kind == "suite":
            base = {n for n, k, _ in parse(outs.get("rr", ""), 0) if k}
            mine = {n: (k, d) for n, k, d in parse(out, 0)}
            broken = sorted(n for n in base if n in mine and not mine[n][0])
            missing = sorted(n for n in base if n not in mine)
            ok = bool(base) and not broken and not missing
            why = [f"{n}: passes under rr, fails under {policy} ({mine[n][1]})" for n in broken]
            why += [f"{n}: passes under rr, did not run under {policy}" for n in missing]
            if not base:
                why = ["the process suite did not run under rr"]
        elif kind == "ps":
            m = re.search(r"^1\s+\w+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s+init$", out, re.M)
            ok = bool(m) and m.group(1).isdigit()
            why = [] if ok else ["a line for init with a number in the RESP column, e.g.",
                                 "1     blocked      0      0      1      0      1     0     - init",
                                 "got: " + (m.group(0) if m else "no such line")]
        got = points if ok else 0
        score += got
        print(f"  {'OK  ' if ok else 'FAIL'}  {name:<18} {got:>3}/{points:<3} {what}")
        for line in why:
            print(f"          {line}")
    print(f"Score: {score}/{total}")
    sys.exit(0 if score == total else 1)


if __name__ == "__main__":
    main()
