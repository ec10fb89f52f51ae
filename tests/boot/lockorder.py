"""The lock-order checker: test=lockorder takes two spinlocks in their
ranked order (allowed), then against it; the panic names both locks,
their ranks and the file:line where each was taken. test=lockagain takes
a lock the CPU already holds: the panic names the lock and both places."""
import re


def one(t, name):
    r = t.boot(args=f"test={name} poweroff")
    return r.out


def run(t):
    out = one(t, "lockorder")
    t.expect(r"^selftest: lockorder: outer then inner passed; now inner then outer$", out)
    m = t.expect(r"^panic: lock order: taking selftest outer \(rank 15\) at "
                 r"kernel/core/selftest\.c:(\d+) while holding selftest inner \(rank 35\), "
                 r"taken at kernel/core/selftest\.c:(\d+)$", out,
                 what="the panic should name both locks, their ranks and where each was taken")
    t.check(int(m.group(1)) == int(m.group(2)) + 1,
            "the outer lock was taken on the line after the inner one")
    t.absent(r"let the wrong order through", out)
    t.expect(r"spin_lock_at", out, what="a backtrace through spin_lock_at")
    out = one(t, "lockagain")
    t.expect(r"^panic: spin_lock: selftest outer at kernel/core/selftest\.c:(\d+) already held "
             r"by this CPU, taken at kernel/core/selftest\.c:\d+$", out)
    t.absent(r"let a recursive acquire through", out)
