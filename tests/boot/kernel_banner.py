"""QEMU's own Multiboot loader (-kernel) boots the kernel to its banner."""
boot = "kernel"
args = "test=boot poweroff"


def check(t):
    t.expect(r"^Orchard teaching kernel 0\.1 \(i386\)$")
    t.expect(r"^memory: \d+ KiB usable")
    t.expect(r"^clock: \d+ Hz timer running$")     # the rate: timer_ticks.py, hz1000.py
    t.expect(r"^selftest: boot ok$")
    t.absent(r"panic")
