"""Shared by tests/user/guest_sched_*.py: boot once with sched=POLICY, run the
whole in-guest process suite (/test: no policy may break fork, wait, sleep,
kill, suspend), then the policy's property tests from user/schedtests/
(/schedtest): POLICY_* and any_* (docs/scheduler.md, "Tests")."""
import glob
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def property_tests(*prefixes):
    """Names of user/schedtests/PREFIX_*.c for each prefix, sorted."""
    names = []
    for path in sorted(glob.glob(os.path.join(ROOT, "user", "schedtests", "*.c"))):
        name = os.path.basename(path)[:-2]
        if any(name.startswith(p + "_") for p in prefixes):
            names.append(name)
    return names


def parse(out, runners):
    """One (name, passed, detail) per test from runtests's lines; checks that
    each of the `runners` runtests invocations printed its summary."""
    results = []
    for name, verdict, detail in re.findall(r"^utest (\S+): (PASS|FAIL) \((.*)\)$", out, re.M):
        results.append((name, verdict == "PASS", detail))
    finished = {n for n, _, _ in results}
    for name in re.findall(r"^utest (\S+): start$", out, re.M):
        if name not in finished:
            results.append((name, False, "did not finish: " + ("kernel panic" if "panic:" in out
                                                                  else "timeout or crash")))
    summaries = len(re.findall(r"^utest summary: \d+ passed, \d+ failed$", out, re.M))
    if summaries < runners:
        results.append(("runner", False, f"only {summaries} of {runners} runs printed a summary"))
    if "panic:" in out:
        results.append(("no-panic", False, "the kernel panicked"))
    return results


def sched_results(t, policy, suite=True, tests=None, timeout=240, bootargs=""):
    """Runs the suite (if suite) and the property tests under sched=policy."""
    names = tests if tests is not None else property_tests(policy, "any")
    cmds = ["runtests"] if suite else []
    if names:
        cmds.append("runtests -t 6000 -d /schedtest " + " ".join(names))
    r = t.run_cmd("; ".join(cmds), mem=64, bootargs=f"sched={policy} {bootargs}".strip(),
                  timeout=timeout)
    return parse(r.out, len(cmds))
