"""More CPUs than the kernel's NCPU: `make CPUS=9` stops at once with a
message naming the limit, and a machine whose MADT lists 10 CPUs boots
with the first 8, saying the rest stay off."""
import re


def run(t):
    out = t.sh("make --no-print-directory CPUS=9 all 2>&1", check=False)
    t.check(re.search(r"CPUS=9: give a number of CPUs from 1 to 8 \(NCPU", out),
            "make CPUS=9 should refuse with a message naming NCPU (8)")
    r = t.boot(args="test=boot poweroff", extra=("-smp", "10"), timeout=30)
    t.expect(r"^smp: ACPI MADT lists 10 CPUs;", r.out)
    t.expect(r"^smp: this kernel runs at most 8 CPUs \(NCPU\); the rest stay off$", r.out)
    t.expect(r"^smp: 8 CPUs up \(apic ids 0 1 2 3 4 5 6 7\)$", r.out)
    t.expect(r"^selftest: boot ok$", r.out)
