#!/usr/bin/env python3
"""`make grade LAB=NAME`, `make grade-all`: the labs' autograder
(docs/labs/NAME.md; the checks are tools/labs.py's table).

Prints each check as OK or FAIL with what was expected and what was seen,
every failing group, then the score; writes build/grade/NAME.json in
Gradescope's results format (tests with name, score, max_score, output;
the total score); exits 0 only with full marks. Gates (0 points: the
process suite still passes, answers-NAME.md) are required, not scored: a
failed gate makes the score 0. The checks are the tests make test runs on
the reference:

  - in-guest property tests (user/schedtests/*.c, booted with sched=POLICY);
  - the host unit tests of the policy (tests/unit/test_sched_policies.c,
    the groups named after the policy), built by testrun.unit_build, the
    build make test uses (ASan, UBSan, -Werror; tests/labs/unit_build.py);
  - the suite gate: every in-guest process test (user/tests/) that passes
    under rr must pass under the lab's policy as well;
  - for the syscall lab, ps -s showing what the new call returns;
  - for the lottery, three boots under -icount on one CPU (so a run is
    exactly repeatable): two with one seed must give the same trace, one
    with another seed a different trace.

Labs graded together share their boots: one per policy, one for rr.

Usage: grade.py NAME...   or   grade.py --all
Needs a built tree (make); BUILD selects the build directory; ANSWERS the
folder holding answers-NAME.md (default: the top of the tree). Each boot's
whole output is kept in BUILD/grade/boot-POLICY.out.
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time
import types

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
sys.path.insert(0, os.path.join(ROOT, "tests", "user"))
import testrun  # noqa: E402
from labs import LABS, lab_tests  # noqa: E402
from _sched import parse, suite_tests  # noqa: E402

BUILD = os.environ.get("BUILD", "build")
ANSWER_WORDS = 20        # the least a non-trivial answer says
SEED_RUN = "schedtrace schedemo -t 60 30 20 10"
SEEDS = (1, 1, 2)


def grade_dir():
    folder = os.path.join(ROOT, BUILD, "grade")
    os.makedirs(folder, exist_ok=True)
    return folder


def boot(cmd, bootargs, timeout, extra=()):
    """Boots like make run; returns what it printed."""
    t = testrun.Test("grade", types.ModuleType("grade"))
    return t.run_cmd(cmd, mem=64, bootargs=bootargs, timeout=timeout, extra=extra).out


# ------------------------------------------------------------ the boots
def boot_plan(labs):
    """{policy: commands} for the labs graded together: one boot per policy
    (its property tests, the suite, ps -s), and rr's suite to compare."""
    want = {}
    for lab in labs:
        entry = LABS[lab]
        w = want.setdefault(entry.policy, {"guest": [], "suite": False, "ps": False})
        for _, kind, name, _ in entry.checks:
            if kind == "guest" and name not in w["guest"]:
                w["guest"].append(name)
            w["suite"] |= kind in ("suite", "test")
            w["ps"] |= kind == "ps"
            if kind == "suite" and entry.policy != "rr":
                want.setdefault("rr", {"guest": [], "suite": False, "ps": False})["suite"] = True
    plan = {}
    for policy, w in want.items():
        cmds = []
        if w["guest"]:   # on CPU 0: the promises are per CPU
            cmds.append("runtests -t 6000 -a 1 -d /schedtest " + " ".join(w["guest"]))
        if w["suite"]:
            cmds.append("runtests")
        if w["ps"]:
            cmds.append("ps -s")
        plan[policy] = "; ".join(cmds)
    return plan


def run_boots(labs):
    """Runs every boot the labs need, JOBS at a time; {key: output}.
    Keys: a policy, or "seed-I" for the lottery's seed runs."""
    jobs = {policy: (cmd, f"sched={policy}", 400, ()) for policy, cmd in boot_plan(labs).items()}
    if any(k == "seed" for lab in labs for _, k, _, _ in LABS[lab].checks):
        for i, seed in enumerate(SEEDS):
            jobs[f"seed-{i}"] = (SEED_RUN, f"sched=lottery schedseed={seed}", 120,
                                 ("-smp", "1", "-icount", "shift=0,sleep=off"))
    workers = int(os.environ.get("JOBS", os.cpu_count() or 2))
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as ex:
        futures = {key: ex.submit(boot, *job) for key, job in jobs.items()}
        outs = {key: f.result() for key, f in futures.items()}
    for key, out in outs.items():
        with open(os.path.join(grade_dir(), f"boot-{key}.out"), "w") as f:
            f.write(out)
    return outs


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


# ------------------------------------------------------------ the checks
def tail_of(out, name, n=6):
    m = re.search(rf"^utest {re.escape(name)}: start\n(.*?)^utest {re.escape(name)}: ", out,
                  re.S | re.M)
    lines = m.group(1).splitlines() if m else []
    expected = [line.strip() for line in lines if "expected" in line or "CHECK failed" in line]
    return (expected or [line.strip() for line in lines])[-n:]


def check_guest(name, out):
    results = {n: (ok, detail) for n, ok, detail in parse(out, 0)}
    if name not in results:
        return False, ["the test did not run (does the kernel boot with this policy?)"]
    ok, detail = results[name]
    return ok, [] if ok else (tail_of(out, name) or [detail])


def check_unit(name, unit):
    groups, err = unit
    if groups is None:
        return False, ["the unit tests do not build:"] + err
    mine = {g: v for g, v in groups.items() if g.startswith(name + ":")}
    if not mine:
        return False, [f"no unit test group for {name}"]
    why = []
    for g, (ok, lines) in mine.items():
        if not ok:
            why += [f"group {g!r} fails:"] + ["  " + line for line in lines[-4:]]
    return not why, why


def check_suite(policy, out, rr_out):
    suite = set(suite_tests()) - lab_tests()
    if policy == "rr":
        results = {n: (ok, d) for n, ok, d in parse(out, 0)}
        why = [f"{n}: {results[n][1] if n in results else 'did not run'}" for n in sorted(suite)
               if not results.get(n, (False,))[0]]
        return not why, why
    base = {n for n, ok, _ in parse(rr_out, 0) if ok and n in suite}
    mine = {n: (ok, d) for n, ok, d in parse(out, 0)}
    if not base:
        return False, ["the process suite did not run under rr"]
    broken = sorted(n for n in base if n in mine and not mine[n][0])
    missing = sorted(n for n in base if n not in mine)
    why = [f"{n}: passes under rr, fails under {policy} ({mine[n][1]})" for n in broken]
    why += [f"{n}: passes under rr, did not run under {policy}" for n in missing]
    return not why, why


def check_ps(out):
    m = re.search(r"^1\s+\w+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s+init$", out, re.M)
    if m and m.group(1).isdigit():
        return True, []
    return False, ["a line for init with a number in the RESP column, e.g.",
                   "1     blocked      0      0      1      0      1     0     - init",
                   "got: " + (m.group(0) if m else "no such line")]


def trace_of(out):
    return re.findall(r"^ev (\d+) (\d+) (\d+) (\w+)(?: \d+)?$", out, re.M)    # CPU last


def check_seed(outs):
    """Same seed, same trace; another seed, another trace (exact under -icount)."""
    a, again, other = (trace_of(outs[f"seed-{i}"]) for i in range(len(SEEDS)))
    why = []
    if not a or not other:
        return False, [f"no trace from `{SEED_RUN}` with schedseed={SEEDS[0]} and {SEEDS[2]}"]
    if a != again:
        why.append(f"schedseed={SEEDS[0]} twice gave two different traces "
                   f"({len(a)} and {len(again)} events): the draws must repeat")
    if a == other:
        why.append(f"schedseed={SEEDS[0]} and schedseed={SEEDS[2]} gave the same trace "
                   f"({len(a)} events): the draws must come from the seeded generator")
    return not why, why


def questions(lab):
    """The handout's questions: the numbered list after `## Questions`."""
    text = open(os.path.join(ROOT, "docs", "labs", f"{lab}.md")).read()
    part = text.split("\n## Questions", 1)
    return re.findall(r"^(\d+)\. ", part[1], re.M) if len(part) == 2 else []


def check_answers(lab):
    """answers-NAME.md answers every question (a line starting `N.` or a
    heading `## N`) with at least ANSWER_WORDS words of its own."""
    folder = os.environ.get("ANSWERS", ROOT)
    path = os.path.join(folder, f"answers-{lab}.md")
    wanted = questions(lab)
    if not os.path.isfile(path):
        return False, [f"no answers-{lab}.md: answer the {len(wanted)} questions at the end of "
                       f"docs/labs/{lab}.md in it (## 1, ## 2, ...)"]
    parts = re.split(r"^\s*(?:#+\s*)?(?:Q(?:uestion)?\s*)?(\d+)[.):]?\s", open(path).read(),
                     flags=re.M)
    answers = dict(zip(parts[1::2], parts[2::2]))
    why = []
    for q in wanted:
        words = len(answers.get(q, "").split())
        if words < ANSWER_WORDS:
            why.append(f"question {q}: {words} words; an answer needs at least {ANSWER_WORDS}")
    return not why, why


def grade_lab(lab, outs, unit):
    """[(name, points, max, ok, why, gate)] for one lab."""
    entry = LABS[lab]
    out = outs.get(entry.policy, "")
    rows = []
    for points, kind, name, what in entry.checks:
        if kind in ("guest", "test"):
            ok, why = check_guest(name, out)
        elif kind == "unit":
            ok, why = check_unit(name, unit)
        elif kind == "suite":
            ok, why = check_suite(entry.policy, out, outs.get("rr", ""))
        elif kind == "ps":
            ok, why = check_ps(out)
        else:
            ok, why = check_seed(outs)
        rows.append((f"{name}: {what}", points if ok else 0, points, ok, why, points == 0))
    ok, why = check_answers(lab)
    rows.append((f"answers-{lab}.md: the handout's questions answered", 0, 0, ok, why, True))
    if "panic:" in out:
        rows[0][4].insert(0, "the kernel panicked: " + out[out.index("panic:"):].splitlines()[0])
    return rows


def report(lab, rows):
    """Prints the lab's checks and writes build/grade/LAB.json; returns
    (score, max)."""
    top = sum(r[2] for r in rows)
    gates_ok = all(r[3] for r in rows if r[5])
    score = sum(r[1] for r in rows) if gates_ok else 0
    print(f"== lab {lab} (docs/labs/{lab}.md), policy {LABS[lab].policy}")
    for name, got, points, ok, why, gate in rows:
        mark = "OK  " if ok else "FAIL"
        pts = "required" if gate else f"{got:>3}/{points:<3}"
        print(f"  {mark}  {pts:<8} {name}")
        for line in why:
            print(f"          {line}")
    if not gates_ok:
        print("  a required check failed: the score is 0")
    print(f"Score: {score}/{top}")
    results = {
        "score": score,
        "output": f"lab {lab}: {score}/{top}" + ("" if gates_ok else
                                                 " (a required check failed: the score is 0)"),
        "tests": [{"name": ("[required] " if gate else "") + name, "score": got,
                   "max_score": points, "status": "passed" if ok else "failed",
                   "output": "\n".join(why) or "ok"}
                  for name, got, points, ok, why, gate in rows],
        "extra_data": {"lab": lab, "max_score": top},
    }
    with open(os.path.join(grade_dir(), f"{lab}.json"), "w") as f:
        json.dump(results, f, indent=2)
    return score, top


def main():
    args = sys.argv[1:]
    labs = list(LABS) if args == ["--all"] else args
    if not labs or any(lab not in LABS for lab in labs):
        sys.exit(f"usage: make grade LAB=NAME  (NAME: {', '.join(LABS)}), or make grade-all")
    os.chdir(ROOT)
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as ex:
        needs_unit = any(k == "unit" for lab in labs for _, k, _, _ in LABS[lab].checks)
        unit = ex.submit(run_unit) if needs_unit else None
        outs = run_boots(labs)
        unit = unit.result() if unit else ({}, [])
    totals = {lab: report(lab, grade_lab(lab, outs, unit)) for lab in labs}
    if len(labs) > 1:
        print("== all labs (" + f"{time.monotonic() - start:.0f}s)")
        for lab, (score, top) in totals.items():
            print(f"  {lab:<10} {score:>3}/{top}")
    sys.exit(0 if all(s == t for s, t in totals.values()) else 1)


if __name__ == "__main__":
    main()
