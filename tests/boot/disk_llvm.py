"""The loader also builds with clang's integrated assembler (.code16 included)
and ld.lld (make LLVM=1), and the clang-built MBR and stage 2 boot the kernel."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import BUILD, IMG, KERNEL  # noqa: E402

LLVM_BUILD = os.path.join(BUILD, "tests", "llvm-boot")     # only the loader is built there
slow = True


def run(t):
    boot = os.path.join(LLVM_BUILD, "boot")
    t.sh(f"make -s LLVM=1 BUILD={LLVM_BUILD} {boot}/mbr.bin {boot}/stage2.bin", timeout=300)
    with open(os.path.join(boot, "main.o"), "rb") as f:
        t.check(b"clang" in f.read(), "boot/main.c was not compiled by clang")
    img = os.path.join(IMG, "disk_llvm.img")
    t.sh(f"python3 tools/mkimage.py --quiet --mbr {boot}/mbr.bin --stage2 {boot}/stage2.bin "
         f"--kernel {KERNEL} --cmdline 'test=boot poweroff' -o {img}")
    r = t.boot(boot="disk", image=img, timeout=15)
    t.expect(r"^boot: MBR: loading stage 2", r.out, what="the clang-built MBR did not run")
    t.expect(r"^boot: jumping to the kernel", r.out, what="the clang-built stage 2 did not finish")
    t.expect(r"^selftest: boot ok$", r.out, what="the kernel did not boot")
