"""Shared by the in-guest suite drivers (guest_*.py, guest_sched_*.py through
_sched.py, vm_small_mem.py): boot, run /bin/runtests, and turn its
"utest NAME: PASS/FAIL" lines into one result per test.

Every driver knows which tests it expects, from the source tree
(user/tests/*.c, user/schedtests/*.c, less EXCLUDED), and a test that is
expected but never reported fails, as does one reported but not expected:
a broken initramfs or a runner that stops early is a failure, never an
empty pass."""
import glob
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Source files that are not run by the suite drivers, and why. (None today:
# every user/tests/*.c and user/schedtests/*.c runs somewhere.)
EXCLUDED = {}


def source_tests(folder):
    """Names of user/FOLDER/*.c (less EXCLUDED), in the archive's order:
    byte order, as the Makefile packs /test and /schedtest sorted."""
    paths = glob.glob(os.path.join(ROOT, "user", folder, "*.c"))
    names = (os.path.basename(p)[:-2] for p in paths)
    return sorted(n for n in names if n not in EXCLUDED)


def suite_tests(shard=0, nshards=1):
    """The process suite (user/tests/*.c) that `runtests -s shard/nshards`
    runs: test number i of the directory goes to shard i mod nshards."""
    return source_tests("tests")[shard::nshards]


def parse(out, runners, expected=None):
    """One (name, passed, detail) per test from runtests's lines. Checks that
    each of the `runners` runtests invocations printed its summary and, if
    `expected` is given, that exactly those tests reported, each once."""
    results = []
    for name, verdict, detail in re.findall(r"^utest (\S+): (PASS|FAIL) \((.*)\)$", out, re.M):
        results.append((name, verdict == "PASS", detail))
    finished = [n for n, _, _ in results]
    why = "kernel panic" if "panic:" in out else "timeout or crash"
    started = re.findall(r"^utest (\S+): start$", out, re.M)
    for name in started:
        if name not in finished:
            results.append((name, False, "did not finish: " + why))
    if expected is not None:
        for name in expected:
            if name not in finished and name not in started:
                results.append((name, False, "expected (it is in the source tree) but never "
                                             "reported: missing from the initramfs, or the "
                                             "runner stopped first (" + why + ")"))
        for name in sorted(set(finished) - set(expected)):
            results.append(("unexpected-" + name, False,
                            f"{name} reported, but no such test is expected"))
        for name in sorted({n for n in finished if finished.count(n) > 1}):
            results.append(("twice-" + name, False, f"{name} reported more than once"))
    summaries = len(re.findall(r"^utest summary: \d+ passed, \d+ failed$", out, re.M))
    if summaries < runners:
        results.append(("runner", False, f"only {summaries} of {runners} runs printed a summary"))
    if "panic:" in out:
        results.append(("no-panic", False, "the kernel panicked"))
    return results


def guest_results(t, shard, nshards, bootargs="", mem=64, timeout=300, extra=()):
    """Boots once and runs shard `shard` of `nshards` of the process suite."""
    r = t.run_cmd(f"runtests -s {shard}/{nshards}", mem=mem, bootargs=bootargs, timeout=timeout,
                  extra=extra)
    return parse(r.out, 1, suite_tests(shard, nshards))
