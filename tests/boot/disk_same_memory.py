"""For -m 32 and -m 512, with a module of a few KiB, the kernel's memory lines
are identical whether our loader or QEMU's -kernel/-initrd started it."""
import os
import re

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")
ARGS = "test=boot poweroff"


def memory_lines(t, out, how):
    lines = re.findall(r"^memory: .*$", out, re.M)
    t.check(lines, f"no 'memory:' line when booted {how}")
    t.check(re.search(r"^selftest: boot ok$", out, re.M), f"no 'selftest: boot ok' when booted {how}")
    return lines


def run(t):
    os.makedirs(IMG, exist_ok=True)
    module = os.path.join(IMG, "disk_same_memory.mod")
    with open(module, "wb") as f:               # 5 KiB: two pages once rounded
        f.write(bytes(range(256)) * 20)
    img = os.path.join(IMG, "disk_same_memory.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --module {module} --cmdline '{ARGS}' -o {img}")
    for mem in (32, 512):
        disk = t.boot(boot="disk", image=img, mem=mem, timeout=15)
        qemu = t.boot(boot="kernel", args=ARGS, mem=mem, timeout=15, extra=["-initrd", module])
        ours, theirs = memory_lines(t, disk.out, "from disk"), memory_lines(t, qemu.out, "with -kernel")
        t.check(ours == theirs, f"-m {mem}: our loader gives {ours}, QEMU's -kernel gives {theirs}")
