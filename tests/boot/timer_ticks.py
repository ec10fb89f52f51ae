"""The PIT interrupts at HZ: 20 ticks pass while the kernel idles with hlt."""
args = "test=ticks poweroff"


def check(t):
    m = t.expect(r"^selftest: ticks (\d+) -> (\d+)$")
    t.check(int(m.group(2)) - int(m.group(1)) == 20, "expected exactly 20 ticks")
