"""Every PT_LOAD segment is loaded, however many there are, and nothing else is:
the kernel re-cut into one segment per 4 KiB page (dozens), with PT_NOTE,
PT_NULL and PT_GNU_STACK headers in between whose bytes must NOT be loaded
(the PT_NOTE claims the loader's own memory), and its memory filled with 0xCC
first (a test hook) so that a .bss left unzeroed shows. It must boot with the
same memory figures as the original kernel under QEMU's -kernel."""
import os
import re
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import kernel_bytes, mkimage, write_file  # noqa: E402

PT_NULL, PT_LOAD, PT_NOTE, PT_GNU_STACK = 0, 1, 4, 0x6474E551
PHDR = "<8I"                    # type offset vaddr paddr filesz memsz flags align


def pieces(ph):
    """One PT_LOAD cut into 4 KiB pieces; the file part ends where it ended."""
    ptype, offset, vaddr, paddr, filesz, memsz, flags, align = ph
    out = []
    for at in range(0, memsz, 4096):
        size = min(4096, memsz - at)
        infile = max(0, min(size, filesz - at))
        out.append((PT_LOAD, offset + at if infile else 0, vaddr + at, paddr + at,
                    infile, size, flags, 4096))
    return out


def recut(data):
    """Returns the kernel with its new program header table appended."""
    phoff, = struct.unpack_from("<I", data, 28)
    phentsize, phnum = struct.unpack_from("<HH", data, 42)
    old = [struct.unpack_from(PHDR, data, phoff + i * phentsize) for i in range(phnum)]
    new = [(PT_NOTE, 0, 0x7000, 0x7000, 0x2000, 0x2000, 4, 4)]  # over stage 2 if loaded
    for ph in old:
        if ph[0] == PT_LOAD:
            new += pieces(ph)
            new.append((PT_NULL, 0, 0, 0, 0, 0, 0, 0))
    new.append((PT_GNU_STACK, 0, 0, 0, 0, 0, 6, 16))
    data = bytearray(data) + bytes(-len(data) % 4)
    struct.pack_into("<I", data, 28, len(data))                 # e_phoff
    struct.pack_into("<HH", data, 42, 32, len(new))             # e_phentsize, e_phnum
    for ph in new:
        data += struct.pack(PHDR, *ph)
    return data, sum(1 for ph in new if ph[0] == PT_LOAD), len(new)


def run(t):
    data, loads, total = recut(kernel_bytes())
    kernel = write_file("disk_elf_segments.elf", data)
    img = mkimage(t, "disk_elf_segments.img",
                  f"--kernel {kernel} --test-hook poison --cmdline 'test=boot poweroff'")
    r = t.boot(boot="disk", image=img, timeout=15)
    t.expect(rf"^boot: kernel: {total} program headers, {loads} to load, ", r.out,
             what=f"the loader did not see {loads} PT_LOAD segments among {total} headers")
    t.check(len(re.findall(r"^boot:   segment \d+:", r.out, re.M)) == loads,
            "the loader did not load exactly the PT_LOAD segments")
    t.expect(r"^selftest: boot ok$", r.out, what="the re-cut kernel did not boot")
    ref = t.boot(boot="kernel", args="test=boot poweroff", timeout=15)
    ours, theirs = (re.findall(r"^memory: .*$", x.out, re.M) for x in (r, ref))
    t.check(ours and ours == theirs, f"memory lines differ: {ours} vs {theirs} (with -kernel)")
