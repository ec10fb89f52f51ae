"""Shared by tests/boot/mem_*.py: the kernel's memory line against -m."""


def check_reported(t, mb):
    m = t.expect(r"^memory: (\d+) KiB usable \(\d+ MiB\) from the memory map, (\d+) KiB free")
    usable, free = int(m.group(1)), int(m.group(2))
    t.check(abs(usable - mb * 1024) <= 1024, f"usable {usable} KiB is not within 1 MiB of {mb} MiB")
    # Free frames: all RAM above 1 MiB less the kernel image and the frame
    # table (well under 1 MiB together).
    t.check((mb - 2) * 1024 <= free < usable, f"free {free} KiB is implausible for {mb} MiB")
