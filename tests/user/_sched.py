"""Shared by tests/user/guest_sched_*.py: boot once with sched=POLICY, run the
whole in-guest process suite (/test: no policy may break fork, wait, sleep,
kill, suspend), then the policy's property tests from user/schedtests/
(/schedtest): POLICY_* and any_* (docs/scheduler.md, "Tests"). The tests
expected are the source tree's (_guest.py); a missing one fails."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _guest import parse, source_tests, suite_tests  # noqa: E402,F401


def property_tests(*prefixes):
    """Names of user/schedtests/PREFIX_*.c for each prefix, sorted."""
    return [n for n in source_tests("schedtests") if any(n.startswith(p + "_") for p in prefixes)]


# The concurrency stress test's length in one policy's boot (make stress
# runs it longer: tests/smp/stress.py).
STRESS_OPS = 12000


def stress_result(out):
    """One result from /bin/stress's last line ("stress: ok" or a failure)."""
    m = re.findall(r"^stress: .*$", out, re.M)
    summary = next((line for line in m if "operations" in line), "no summary line")
    return ("stress", bool(m) and m[-1] == "stress: ok", summary)


def sched_results(t, policy, suite=True, tests=None, timeout=240, bootargs=""):
    """Runs the suite (if suite), the property tests, and a short stress run
    under sched=policy."""
    names = tests if tests is not None else property_tests(policy, "any")
    cmds = ["runtests"] if suite else []
    if names:
        # Pinned to CPU 0: a policy's promises (shares, order) hold per CPU.
        cmds.append("runtests -t 6000 -a 1 -d /schedtest " + " ".join(names))
    runners = len(cmds)
    cmds.append(f"stress -n {STRESS_OPS}")
    r = t.run_cmd("; ".join(cmds), mem=64, bootargs=f"sched={policy} {bootargs}".strip(),
                  timeout=timeout)
    return parse(r.out, runners, (suite_tests() if suite else []) + names) + [stress_result(r.out)]
