"""Shared by tests/user/guest_*.py: boot once, run /bin/runtests (one shard),
and turn its "utest NAME: PASS/FAIL" lines into one result per test."""
import re


def guest_results(t, shard, nshards, bootargs="", mem=64, timeout=300, extra=()):
    r = t.run_cmd(f"runtests -s {shard}/{nshards}", mem=mem, bootargs=bootargs, timeout=timeout,
                  extra=extra)
    results = []
    for name, verdict, detail in re.findall(r"^utest (\S+): (PASS|FAIL) \((.*)\)$", r.out, re.M):
        results.append((name, verdict == "PASS", detail))
    started = re.findall(r"^utest (\S+): start$", r.out, re.M)
    finished = {n for n, _, _ in results}
    for name in started:
        if name not in finished:
            results.append((name, False, "did not finish: " + ("kernel panic" if "panic:" in r.out
                                                                  else "timeout or crash")))
    if not re.search(r"^utest summary: \d+ passed, \d+ failed$", r.out, re.M):
        results.append(("runner", False, "the runner did not print its summary"))
    if "panic:" in r.out:
        results.append(("no-panic", False, "the kernel panicked"))
    return results
