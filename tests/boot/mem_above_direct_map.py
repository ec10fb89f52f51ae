"""RAM beyond the 768 MiB direct map is reported and left unused, not a hang."""
mem = 1024
args = "test=boot poweroff"


def check(t):
    m = t.expect(r"^memory: (\d+) KiB usable .* (\d+) KiB free")
    t.check(abs(int(m.group(1)) - 1024 * 1024) <= 1024, "usable memory should be about 1 GiB")
    t.check(int(m.group(2)) <= 768 * 1024, "no frame may come from above 768 MiB")
    t.expect(r"^memory: 255 MiB above 768 MiB left unused")
    t.expect(r"^selftest: boot ok$")
