"""ELF files that are not executables are refused: a relocatable object (.o,
ET_REL) and a shared object (ET_DYN)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import BUILD, boot_error, kernel_bytes, mkimage, write_file  # noqa: E402


def run(t):
    data = kernel_bytes()
    data[16:18] = (3).to_bytes(2, "little")                 # e_type = ET_DYN
    dyn = write_file("disk_elf_not_exec.dyn", data)
    cases = [(os.path.join(BUILD, "boot", "main.o"), 1), (dyn, 3)]
    for i, (kernel, etype) in enumerate(cases):
        img = mkimage(t, f"disk_elf_not_exec_{i}.img", f"--kernel {kernel}")
        boot_error(t, img, rf"the kernel's ELF type is {etype}, not ET_EXEC",
                   f"an ELF of type {etype} was not refused")
