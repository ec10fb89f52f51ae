"""Without the MADT the kernel falls back: smp=mp reads the Intel MP table
(SeaBIOS's lists the boot CPU and the I/O APIC, with IRQ 0 on pin 2), and
smp=off runs one CPU on the 8259; RAM beyond the direct map (-m 1024)
puts QEMU's ACPI tables out of reach, so the MP table is used. Each boots
and its timer ticks."""
import re

CASES = [
    ("mp_table", "smp=mp", 32, r"^smp: MP table lists 1 CPU; local APIC at 0xfee00000, "
                               r"I/O APIC at 0xfec00000$"),
    ("pic_only", "smp=off", 32, r"^smp: one CPU, 8259 interrupt controller "),
    ("madt_out_of_reach", "", 1024, r"^smp: MP table lists 1 CPU;"),
]


def one(t, args, mem, pattern):
    r = t.boot(args=f"{args} test=ticks poweroff", mem=mem, extra=("-smp", "2"))
    if not re.search(pattern, r.out, re.M):
        return False, f"no line matching {pattern!r}"
    if not re.search(r"^smp: 1 CPU up \(apic ids 0\)$", r.out, re.M):
        return False, "expected 'smp: 1 CPU up (apic ids 0)'"
    if not re.search(r"^selftest: ticks \d+ -> \d+( in \d+ time-stamp units)?$", r.out, re.M):
        return False, "the timer did not tick"
    return True, ""


def results(t):
    return [(name,) + one(t, args, mem, pat) for name, args, mem, pat in CASES]
