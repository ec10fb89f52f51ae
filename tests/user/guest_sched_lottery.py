"""sched=lottery, lottery scheduling: the whole process suite, then the lottery_* and any_* property tests."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _sched import property_tests, sched_results  # noqa: E402,F401


def results(t):
    return sched_results(t, "lottery")
