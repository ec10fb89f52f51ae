"""The instructor's round trip: tools/striplab.py --all turns the reference
tree into the students' starting point (the stubs of labs/ in place of
the marked regions), which builds (warnings as errors), boots and passes
the whole in-guest process suite (every user/tests/*.c) under rr and under
every stub policy, while `make grade` fails for every one of the five
labs; regions and stubs are well formed and paired. The suite runs are
the graders' own boots (build/grade/LAB.POLICY.out in the student tree):
prio, mlfq, lottery and stride under their stubs, rr in the prio grader's
comparison run. (tests/labs/grade_reference.py: the reference gets full
marks.)"""
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "user"))
from _guest import parse, suite_tests  # noqa: E402

slow = True
LABS = ("syscall", "prio", "mlfq", "lottery", "stride")
# Where each policy's suite run is found: (lab graded, log name).
SUITE_RUNS = {"rr": ("prio", "rr"), "prio": ("prio", "prio"), "mlfq": ("mlfq", "mlfq"),
              "lottery": ("lottery", "lottery"), "stride": ("stride", "stride")}


def check_suite(t, out, policy):
    """Every test of the process suite reported, and passed, in out."""
    t.expect(rf"^sched: policy {policy}$", out, f"the student tree to boot with sched={policy}")
    suite = suite_tests()
    results = {name: (ok, why) for name, ok, why in parse(out, 1, suite)}
    bad = [f"{n}: {results[n][1]}" for n in suite + ["runner", "no-panic"]
           if n in results and not results[n][0]]
    t.check(not bad, f"the whole process suite ({len(suite)} tests) to pass under the {policy} "
                     f"starting point; failed: {bad[:5]}")


def run(t):
    t.sh("python3 tools/striplab.py --check")
    out = os.path.join("build", "tests", "labs", "student")
    shutil.rmtree(out, ignore_errors=True)
    t.sh(f"python3 tools/striplab.py --all {out}")
    for f, ref in (("kernel/proc/sched_prio.c", "highest_ready"),
                   ("kernel/proc/sched_lottery.c", "random_below"),
                   ("kernel/abi/syscalls.h", "schedstat")):
        t.check(ref not in open(os.path.join(out, f)).read(), f"{f}: the reference code is gone")
    t.sh(f"make -s -C {out} -j2", timeout=900)
    # Every lab's grader fails there, with a score below full marks.
    for lab in LABS:
        p = subprocess.run(["python3", "tools/grade.py", lab], cwd=out, capture_output=True,
                           text=True, timeout=600)
        t.out += f"\n$ make grade LAB={lab}  (student tree)\n" + p.stdout + p.stderr
        m = re.search(r"^Score: (\d+)/(\d+)$", p.stdout, re.M)
        t.check(m and int(m.group(1)) < int(m.group(2)) and p.returncode != 0,
                f"make grade LAB={lab} to fail on the starting point")
        t.check(re.search(r"^  FAIL  ", p.stdout, re.M), f"LAB={lab}: a FAIL line saying what was expected")
    # It boots, and the whole process suite passes, under each stub policy.
    for policy, (lab, name) in SUITE_RUNS.items():
        log = os.path.join(out, "build", "grade", f"{lab}.{name}.out")
        t.check(os.path.exists(log), f"the grader's log {log}")
        check_suite(t, open(log).read(), policy)
