"""`make NPROC=1024` builds a kernel whose process table really holds 1024
processes: fork fills it (about 1020 children plus init, sh and runtests),
fails cleanly at the limit, and everything is reaped without a leak."""
import os
import re

slow = True


def run(t):
    build = "build/nproc1024"
    t.sh(f"make -s NPROC=1024 BUILD={build} {build}/kernel.elf {build}/initramfs.cpio", timeout=900)
    cmd = "runtests -t 6000 fork_table_full"
    r = t.boot(kernel=f"{build}/kernel.elf", initrd=f"{build}/initramfs.cpio", mem=256,
               args=f"poweroff run={cmd.encode().hex()}", timeout=180,
               until=r"^exit status: -?\d+$")
    t.expect(r"^utest fork_table_full: PASS", r.out)
    counts = [int(n) for n in re.findall(r"(\d+) children fit", r.out)]
    t.check(counts and min(counts) >= 1000,
            f"expected over 1000 children with NPROC=1024, saw {counts}")
