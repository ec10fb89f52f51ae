"""For -m 32 and -m 512, with a module of a few KiB, the kernel's memory lines
are identical whether our loader or QEMU's -kernel/-initrd started it."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import KERNEL, mkimage, write_file  # noqa: E402

ARGS = "test=boot poweroff"


def memory_lines(t, out, how):
    lines = re.findall(r"^memory: .*$", out, re.M)
    t.check(lines, f"no 'memory:' line when booted {how}")
    t.check(re.search(r"^selftest: boot ok$", out, re.M), f"no 'selftest: boot ok' when booted {how}")
    return lines


def run(t):
    module = write_file("disk_same_memory.mod", bytes(range(256)) * 20)   # 5 KiB: two pages once rounded
    img = mkimage(t, "disk_same_memory.img", f"--kernel {KERNEL} --module {module} --cmdline '{ARGS}'")
    for mem in (32, 512):
        disk = t.boot(boot="disk", image=img, mem=mem, timeout=15)
        qemu = t.boot(boot="kernel", args=ARGS, mem=mem, timeout=15, extra=["-initrd", module])
        ours, theirs = memory_lines(t, disk.out, "from disk"), memory_lines(t, qemu.out, "with -kernel")
        t.check(ours == theirs, f"-m {mem}: our loader gives {ours}, QEMU's -kernel gives {theirs}")
