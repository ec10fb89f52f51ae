"""A CPU the MADT lists that never starts does not stop the boot: with
-smp 3 and smp_hold=1 the boot CPU never sends APIC id 1 its start-up
IPIs, waits for it in vain, says so, and boots on with the other two
(the next AP takes the free CPU number, so CPU ids stay dense)."""
args = "smp_hold=1 test=boot poweroff"
extra = ("-smp", "3")


def check(t):
    t.expect(r"^smp: ACPI MADT lists 3 CPUs;")
    t.expect(r"^smp: cpu1 \(apic id 1\) did not start; going on without it$")
    t.expect(r"^cpu1: up \(apic id 2\)$")
    t.expect(r"^smp: 2 CPUs up \(apic ids 0 2\)$")
    t.expect(r"^selftest: boot ok$")
