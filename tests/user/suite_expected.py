"""The suite drivers cannot pass by running less than the suite. Host side:
_guest.parse() fails a test that is in the source tree but never reported
(fed runtests output with one test left out, and output that stops early),
and one reported but not expected; every user/schedtests/*.c is run by
some guest_sched_*.py driver. Guest side: `runtests -d /nonexistent` fails
with a message, never "0 passed, 0 failed" and exit status 0."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _guest import parse, source_tests, suite_tests  # noqa: E402
from _sched import property_tests  # noqa: E402


def fake_output(names, drop=None, summary=True):
    lines = []
    for n in names:
        if n != drop:
            lines += [f"utest {n}: start", f"utest {n}: PASS (3 ticks)"]
    if summary:
        lines.append(f"utest summary: {len(names) - (drop is not None)} passed, 0 failed")
    return "\n".join(lines) + "\n"


def failures(results):
    return {name: why for name, ok, why in results if not ok}


def check_parse(t):
    suite = suite_tests()
    t.check(len(suite) >= 30 and "orphans" in suite, f"the suite's list from user/tests: {suite}")
    t.check(suite_tests(0, 2) + suite_tests(1, 2) != suite and
            sorted(suite_tests(0, 2) + suite_tests(1, 2)) == suite, "two shards cover the suite")
    t.check(failures(parse(fake_output(suite), 1, suite)) == {}, "the whole suite passes")
    bad = failures(parse(fake_output(suite, drop="orphans"), 1, suite))
    t.check(list(bad) == ["orphans"], f"a missing test fails, and only it: got {bad}")
    t.check("never reported" in bad["orphans"], "the failure says the test never reported")
    bad = failures(parse(fake_output(suite[:5], summary=False), 1, suite))
    t.check(len(bad) == len(suite) - 5 + 1 and "runner" in bad,
            "a runner that stops early fails every test it did not run, and itself")
    bad = failures(parse(fake_output(suite + ["stale"]), 1, suite))
    t.check(list(bad) == ["unexpected-stale"], f"an unexpected test fails: {bad}")
    bad = failures(parse("utest summary: 0 passed, 0 failed\n", 1, suite))
    t.check(len(bad) == len(suite), "an empty run fails every expected test")
    drivers = set(property_tests("rr", "any", "syscall"))
    for policy in ("prio", "mlfq", "lottery", "stride", "cfs"):
        drivers |= set(property_tests(policy))
    orphans = set(source_tests("schedtests")) - drivers
    t.check(not orphans, f"property tests no driver runs: {sorted(orphans)}")


def run(t):
    check_parse(t)
    r = t.run_cmd("runtests -d /nonexistent", timeout=60)
    t.expect(r"^runtests: cannot open /nonexistent$", r.out, "runtests to say it cannot open the directory")
    t.absent(r"^utest summary", r.out, "no summary for a run that never started")
    m = t.expect(r"^exit status: (-?\d+)$", r.out)
    t.check(m.group(1) != "0", "runtests -d /nonexistent to exit non-zero")
