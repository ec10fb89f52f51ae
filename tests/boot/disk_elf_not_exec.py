"""ELF files that are not executables are refused: a relocatable object (.o,
ET_REL) and a shared object (ET_DYN)."""
import os

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")


def boot_error(t, img, pattern, what):
    """Boots img; the loader must print "boot: error: ..." matching pattern,
    and then halt: QEMU still running (-no-reboot ends it on a triple
    fault or reset), no kernel started."""
    r = t.boot(boot="disk", image=img, timeout=10, until=r"^boot: error: .*\n")
    t.expect(r"^boot: error: " + pattern, r.out, what=what)
    t.check(r.returncode == -9, "QEMU exited by itself after the error: a reset or triple fault, not a halt")
    t.absent(r"Orchard teaching kernel", r.out, what="the kernel ran anyway")


def run(t):
    os.makedirs(IMG, exist_ok=True)
    with open(os.path.join(BUILD, "kernel.elf"), "rb") as f:
        data = bytearray(f.read())
    data[16:18] = (3).to_bytes(2, "little")                 # e_type = ET_DYN
    dyn = os.path.join(IMG, "disk_elf_not_exec.dyn")
    with open(dyn, "wb") as f:
        f.write(data)
    cases = [(os.path.join(BUILD, "boot", "main.o"), 1), (dyn, 3)]
    for i, (kernel, etype) in enumerate(cases):
        img = os.path.join(IMG, f"disk_elf_not_exec_{i}.img")
        t.sh(f"{MKIMAGE} --kernel {kernel} -o {img}")
        boot_error(t, img, rf"the kernel's ELF type is {etype}, not ET_EXEC",
                   f"an ELF of type {etype} was not refused")
