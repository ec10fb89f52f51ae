"""In-guest process tests (user/tests/*.c), shard 0 of 2, under the default policy."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _guest import guest_results  # noqa: E402


def results(t):
    return guest_results(t, 0, 2)
