"""ELF files that are not 32-bit i386 programs are refused: machine EM_X86_64,
and class ELFCLASS64."""
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


def patched_kernel(name, offset, value, size):
    """build/kernel.elf with one little-endian field changed."""
    with open(os.path.join(BUILD, "kernel.elf"), "rb") as f:
        data = bytearray(f.read())
    data[offset:offset + size] = value.to_bytes(size, "little")
    path = os.path.join(IMG, name)
    os.makedirs(IMG, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def run(t):
    cases = [("machine", 18, 62, 2, r"the kernel's ELF machine is 62, not EM_386"),   # e_machine
             ("class", 4, 2, 1, r"the kernel is not a 32-bit ELF \(class 2")]          # EI_CLASS
    for name, offset, value, size, pattern in cases:
        kernel = patched_kernel(f"disk_elf_not_i386_{name}.elf", offset, value, size)
        img = os.path.join(IMG, f"disk_elf_not_i386_{name}.img")
        t.sh(f"{MKIMAGE} --kernel {kernel} -o {img}")
        boot_error(t, img, pattern, f"a kernel with ELF {name} {value} was not refused")
