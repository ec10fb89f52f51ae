"""sched=rr, round-robin: the process suite runs under rr in guest_0/guest_1 (the default), so only the property tests (rr_*, any_*, syscall_*) here."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _sched import property_tests, sched_results  # noqa: E402,F401


def results(t):
    return sched_results(t, "rr", suite=False, tests=property_tests("rr", "any", "syscall"))
