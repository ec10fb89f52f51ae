"""Shared by the timer-rate tests (timer_ticks.py, tests/build/hz1000.py):
boot `test=ticks` under -icount, where the time stamp counts virtual
nanoseconds, and check that 20 ticks took 20 periods of the PIT at HZ."""
import re

ICOUNT = ("-icount", "shift=0,sleep=off")
PIT_HZ = 1193182                      # the PIT's input clock (Hz)


def period_ns(hz):
    """One tick at hz: the kernel's divisor (rounded) over the PIT's clock."""
    divisor = (PIT_HZ + hz // 2) // hz
    return divisor * 1e9 / PIT_HZ


def check_rate(t, out, hz):
    t.expect(rf"^clock: {hz} Hz timer running$", out, f"the banner to say {hz} Hz")
    m = t.expect(r"^selftest: ticks (\d+) -> (\d+) in (\d+) time-stamp units$", out,
                 "the ticks self-test's report")
    t.check(int(m.group(2)) - int(m.group(1)) == 20, "the self-test to wait for 20 ticks")
    got, want = int(m.group(3)), 20 * period_ns(hz)
    t.out += f"\n[20 ticks: {got} ns of virtual time, expected {want:.0f} at {hz} Hz]\n"
    t.check(abs(got - want) <= want * 0.001,
            f"20 ticks at {hz} Hz to take {want:.0f} ns of virtual time (0.1%), took {got}")
