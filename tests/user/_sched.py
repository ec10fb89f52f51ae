"""Shared by tests/user/guest_sched_*.py: boot once with sched=POLICY, run the
whole in-guest process suite (/test: no policy may break fork, wait, sleep,
kill, suspend), then the policy's property tests from user/schedtests/
(/schedtest): POLICY_* and any_* (docs/scheduler.md, "Tests"). The tests
expected are the source tree's (_guest.py); a missing one fails."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _guest import parse, source_tests, suite_tests  # noqa: E402,F401


def property_tests(*prefixes):
    """Names of user/schedtests/PREFIX_*.c for each prefix, sorted."""
    return [n for n in source_tests("schedtests") if any(n.startswith(p + "_") for p in prefixes)]


def sched_results(t, policy, suite=True, tests=None, timeout=240, bootargs=""):
    """Runs the suite (if suite) and the property tests under sched=policy."""
    names = tests if tests is not None else property_tests(policy, "any")
    cmds = ["runtests"] if suite else []
    if names:
        cmds.append("runtests -t 6000 -d /schedtest " + " ".join(names))
    r = t.run_cmd("; ".join(cmds), mem=64, bootargs=f"sched={policy} {bootargs}".strip(),
                  timeout=timeout)
    return parse(r.out, len(cmds), (suite_tests() if suite else []) + names)
