"""With -m 32 the kernel reports 32 MiB of usable memory (within 1 MiB)."""
mem = 32
args = "test=boot poweroff"


def check(t):
    m = t.expect(r"^memory: (\d+) KiB usable \(\d+ MiB\) from the memory map, (\d+) KiB free")
    usable, free = int(m.group(1)), int(m.group(2))
    t.check(abs(usable - 32 * 1024) <= 1024, f"usable {usable} KiB is not within 1 MiB of 32 MiB")
    # Free frames: all RAM above 1 MiB less the kernel image (well under 1 MiB).
    t.check((32 - 2) * 1024 <= free < usable, f"free {free} KiB is implausible for 32 MiB")
