"""The tick rate is exactly HZ on every interrupt path: under -icount the
timestamp counter counts virtual nanoseconds, and 20 ticks measured from
one tick's edge take exactly 20 PIT periods (the divisor rounds 1193182/HZ,
so a period is 10,000,151 ns at HZ=100), whether IRQ 0 comes through the
I/O APIC with a second CPU up, or through the 8259 (smp=off)."""
import re

PIT_HZ = 1193182


def hz(t):
    m = re.search(r"^clock: (\d+) Hz timer running$", t.out, re.M)
    return int(m.group(1)) if m else 0


def one(t, args, smp):
    r = t.boot(args=f"{args} test=ticks poweroff", timeout=30,
               extra=("-smp", str(smp), "-icount", "shift=0,sleep=off"))
    m = re.search(r"^selftest: ticks \d+ -> \d+ in (\d+) time-stamp units$", r.out, re.M)
    h = hz(t)
    if not m or not h:
        return False, "no 'selftest: ticks A -> B in N time-stamp units' or 'clock: N Hz' line"
    divisor = (PIT_HZ + h // 2) // h
    want = 20 * divisor * 10**9 / PIT_HZ
    got = int(m.group(1))
    ok = abs(got - want) <= 20      # QEMU rounds each period to the nanosecond
    return ok, f"20 ticks took {got} ns, expected {want:.0f} (HZ={h})"


def results(t):
    return [("ioapic_2cpus",) + one(t, "", 2), ("pic_smp_off",) + one(t, "smp=off", 1)]
