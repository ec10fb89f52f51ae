"""The boot log lists the CPUs that came up, at CPUS=1, 2 and 4: each AP
says `cpuN: up (apic id A)` and the boot CPU sums up `smp: N CPUs up
(apic ids ...)`; QEMU's MADT lists exactly the CPUs -smp asks for, with
the PIT's IRQ 0 overridden to GSI 2. Then the kernel boots on."""
import re

COUNTS = (1, 2, 4)


def one(t, n):
    r = t.boot(args="test=boot poweroff", extra=("-smp", str(n)))
    out = r.out
    if not re.search(rf"^smp: ACPI MADT lists {n} CPUs?; local APIC at 0xfee00000, "
                     r"I/O APIC at 0xfec00000$", out, re.M):
        return False, "no 'smp: ACPI MADT lists ...' line for this CPU count"
    if not re.search(r"^smp: ISA IRQ 0 arrives on GSI 2$", out, re.M):
        return False, "the MADT's IRQ 0 -> GSI 2 override was not reported"
    ups = re.findall(r"^cpu(\d+): up \(apic id (\d+)\)$", out, re.M)
    want = [(str(i), str(i)) for i in range(1, n)]
    if ups != want:
        return False, f"AP lines {ups}, expected {want}"
    ids = " ".join(str(i) for i in range(n))
    if not re.search(rf"^smp: {n} CPUs? up \(apic ids {ids}\)$", out, re.M):
        return False, f"no 'smp: {n} CPU(s) up (apic ids {ids})' line"
    if "did not start" in out or not re.search(r"^selftest: boot ok$", out, re.M):
        return False, "a CPU failed to start, or the boot did not finish"
    return True, ""


def results(t):
    return [(f"cpus_{n}",) + one(t, n) for n in COUNTS]
