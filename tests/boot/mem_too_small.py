"""With -m 4 the kernel says it needs more memory, instead of crashing."""
mem = 4
args = "test=boot poweroff"


def check(t):
    t.expect(r"^memory: only \d+ KiB usable; this kernel needs at least 8 MiB")
    t.absent(r"selftest: boot ok")
    t.absent(r"panic")
