"""The instructor's round trip: tools/striplab.py OUTDIR hands out every
lab at once (the stubs of labs/ in place of the marked regions) as a git
repository with one commit, labs/OPEN naming the open labs and none of
the instructor's files (labs/NAME/, tests/labs/, striplab.py). That tree
builds (warnings as errors) and boots; make grade-all there scores 0 in
every lab, answers or not (no points for code the student did not
write), with a FAIL line saying what was expected, and 0 in every
build/grade/NAME.json; the graders' own boots (build/grade/boot-POLICY.out)
show the whole process suite passing under rr and every stub policy; and
the student tree's make test reports the open labs' unit groups as
`TODO lab NAME` lines, outside the totals, and passes.
(grade_reference.py: the reference gets full marks.)"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "user"))
from _labtree import LABS, ROOT, grade_all, write_answers  # noqa: E402
from labs import LABS as CATALOGUE  # noqa: E402
from _guest import parse, suite_tests  # noqa: E402

slow = True
POLICIES = ("rr", "prio", "mlfq", "lottery", "stride")


def lab_check(name):
    """Whether suite test name is one of the open labs' checks (their TODO
    patterns, as make test applies them in the student tree)."""
    return any(re.search(p, "/" + name) for lab in CATALOGUE.values() for p in lab.todo)


def check_suite(t, out, policy):
    """Every test of the process suite reported, and passed, in out (the
    chapter labs' own tests apart: their stubs may fail them)."""
    t.expect(rf"^sched: policy {policy}$", out, f"the student tree to boot with sched={policy}")
    suite = [n for n in suite_tests() if not lab_check(n)]
    results = {name: (ok, why) for name, ok, why in parse(out, 1, suite_tests())}
    bad = [f"{n}: {results[n][1]}" for n in suite + ["runner", "no-panic"]
           if n in results and not results[n][0]]
    t.check(not bad, f"the whole process suite ({len(suite)} tests) to pass under the {policy} "
                     f"starting point; failed: {bad[:5]}")


def check_tree(t, out):
    log = subprocess.run(["git", "log", "--oneline"], cwd=out, capture_output=True, text=True)
    t.check(log.returncode == 0 and len(log.stdout.splitlines()) == 1,
            f"the student tree is a git repository with one commit: {log.stdout}{log.stderr}")
    opened = [line for line in open(os.path.join(out, "labs/OPEN")) if not line.startswith("#")]
    t.check(sorted(x.strip() for x in opened) == sorted(LABS), "labs/OPEN names every lab")
    for gone in ("labs/prio", "labs/README.md", "tests/labs", "tools/striplab.py"):
        t.check(not os.path.exists(os.path.join(out, gone)), f"{gone}: the instructor's, not handed out")
    for f, ref in (("kernel/proc/sched_prio.c", "highest_ready"),
                   ("kernel/proc/sched_lottery.c", "random_below"),
                   ("kernel/abi/syscalls.h", "schedstat")):
        t.check(ref not in open(os.path.join(out, f)).read(), f"{f}: the reference code is gone")


def run(t):
    t.sh("python3 tools/striplab.py --check")
    out = os.path.join(ROOT, "build", "tests", "labs", "student")
    shutil.rmtree(out, ignore_errors=True)
    t.sh(f"python3 tools/striplab.py {out}")
    check_tree(t, out)
    t.sh(f"make -s -C {out} -j2", timeout=900)
    answers = write_answers(os.path.join(ROOT, "build", "tests", "labs", "answers"))
    rc, found = grade_all(t, out, answers, "student tree")
    t.check(rc != 0, "make grade-all to fail on the starting point")
    for lab in LABS:
        t.check(found[lab] is not None, f"a Score line for {lab}")
        score, top, text, js = found[lab]
        t.check(score == 0, f"the untouched starting point of {lab} to score 0, got {score}/{top}")
        t.check(re.search(r"^  FAIL  +\d+/\d+ +\S.*\n {10}\S", text, re.M),
                f"{lab}: a FAIL line for a scored check, with what was expected")
        t.check(js and js["score"] == 0 and sum(x["score"] for x in js["tests"]) == 0,
                f"build/grade/{lab}.json: 0 points, from no test")
    for policy in POLICIES:
        log = os.path.join(out, "build", "grade", f"boot-{policy}.out")
        t.check(os.path.exists(log), f"the grader's log {log}")
        check_suite(t, open(log).read(), policy)
    p = subprocess.run(["python3", "tools/testrun.py", "test_sched_policies"], cwd=out,
                       capture_output=True, text=True, timeout=300)
    t.out += "\n$ make test T=test_sched_policies  (student tree)\n" + p.stdout + p.stderr
    t.check(p.returncode == 0 and re.search(r"^\d+ passed, 0 failed$", p.stdout, re.M),
            "make test in the student tree to pass, the open labs apart")
    for lab in ("prio", "mlfq", "lottery", "stride"):
        t.check(re.search(rf"^TODO lab {lab}: tests/unit/test_sched_policies: {lab}: .*\(not yet\)$",
                          p.stdout, re.M), f"a TODO lab {lab} line for its unit groups")
    every = ", ".join(sorted(LABS))
    t.check(re.search(rf"^TODO labs still open .*: {re.escape(every)};", p.stdout, re.M),
            f"the open labs ({every}) listed before the totals")
