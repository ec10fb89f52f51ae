"""ELF files that are not 32-bit i386 programs are refused: machine EM_X86_64,
and class ELFCLASS64."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import boot_error, kernel_bytes, mkimage, write_file  # noqa: E402


def run(t):
    cases = [("machine", 18, 62, 2, r"the kernel's ELF machine is 62, not EM_386"),   # e_machine
             ("class", 4, 2, 1, r"the kernel is not a 32-bit ELF \(class 2")]          # EI_CLASS
    for name, offset, value, size, pattern in cases:
        data = kernel_bytes()                   # with one little-endian field changed
        data[offset:offset + size] = value.to_bytes(size, "little")
        kernel = write_file(f"disk_elf_not_i386_{name}.elf", data)
        img = mkimage(t, f"disk_elf_not_i386_{name}.img", f"--kernel {kernel}")
        boot_error(t, img, pattern, f"a kernel with ELF {name} {value} was not refused")
