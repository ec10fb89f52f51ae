"""A module larger than the RAM left after the kernel is refused with a clear
line (with -m 8, a 9 MiB module cannot fit), not loaded over the top of RAM."""
import os

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")


def run(t):
    os.makedirs(IMG, exist_ok=True)
    module = os.path.join(IMG, "disk_module_too_big.mod")
    with open(module, "wb") as f:
        f.truncate(9 << 20)
    img = os.path.join(IMG, "disk_module_too_big.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --module {module}:big -o {img}")
    r = t.boot(boot="disk", image=img, mem=8, timeout=10, until=r"^boot: error: .*\n")
    t.expect(r"^boot: error: module 1 'big' \(9437184 bytes\) does not fit in RAM at 0x[0-9a-f]+ "
             r"\(RAM from 1 MiB ends at 0x[0-9a-f]+\)", r.out, what="the oversized module was not refused")
    t.check(r.returncode == -9, "QEMU exited by itself after the error: not a halt")
    t.absent(r"Orchard teaching kernel", r.out, what="the kernel ran anyway")
