"""A module's bytes are loaded page-aligned after the kernel (and a page of boot
information, as QEMU does) and stay intact while the kernel runs (read back
from guest memory over QMP); the kernel's free memory drops by the module's
size rounded up to whole pages."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import IMG, KERNEL, mkimage, qemu_with_qmp, write_file  # noqa: E402

SIZE = 3 * 4096 + 123                           # 4 pages once rounded up
MODULE_LINE = r"^boot: module 1 'initrd-test': 0x([0-9a-f]{8})-0x([0-9a-f]{8}) \((\d+) bytes\)$"
SEGMENT_END = r"^boot:   segment \d+: 0x[0-9a-f]{8}-0x([0-9a-f]{8}),"


def free_kib(t, out):
    return int(t.expect(r"^memory: \d+ KiB usable .*, (\d+) KiB free", out).group(1))


def boot_and_dump(t, img, dump):
    """Boots img until the kernel's self-test passed, then saves SIZE bytes
    of guest memory from where the loader says module 1 is. Returns the
    console output."""
    with qemu_with_qmp(t, img, "disk_module", rb"selftest: boot ok", 15) as (text, save):
        t.check(re.search(r"selftest: boot ok", text), "the kernel did not reach 'selftest: boot ok'")
        start = int(t.expect(MODULE_LINE, text, what="the loader did not report module 1").group(1), 16)
        reply = save(start, SIZE, dump)
        t.check("return" in reply, f"pmemsave failed: {reply}")
    return text


def run(t):
    data = bytes((i * 7 + (i >> 8)) & 0xFF for i in range(SIZE))
    module = write_file("disk_module.mod", data)
    plain = mkimage(t, "disk_module_none.img", f"--kernel {KERNEL} --cmdline 'test=boot poweroff'")
    img = mkimage(t, "disk_module.img",
                  f"--kernel {KERNEL} --module {module}:initrd-test --cmdline 'test=boot'")

    without = free_kib(t, t.boot(boot="disk", image=plain, timeout=15).out)
    dump = os.path.join(IMG, "disk_module.dump")
    out = boot_and_dump(t, img, dump)

    m = t.expect(MODULE_LINE, out)
    start, end = int(m.group(1), 16), int(m.group(2), 16)
    t.check(end - start == SIZE, f"the module is {end - start} bytes in memory, {SIZE} in the file")
    kernel_end = max(int(x, 16) for x in re.findall(SEGMENT_END, out, re.M))
    info_page = (kernel_end + 4095) // 4096 * 4096      # module list + strings, as QEMU does
    t.check(start == info_page + 4096,
            f"module at {start:#x}, not page-aligned after the kernel (ends {kernel_end:#x}) "
            "and its one page of boot information")
    # The kernel keeps the module's frames (and, depending on the kernel,
    # the information page before them) out of its free memory.
    pages = (SIZE + 4095) // 4096
    dropped = without - free_kib(t, out)
    t.check(pages * 4 <= dropped <= (pages + 1) * 4,
            f"free memory dropped by {dropped} KiB; the module's {pages} pages are {pages * 4} KiB: "
            "the kernel was not told where the module is")
    with open(dump, "rb") as f:
        t.check(f.read() == data, "guest memory at the module's address differs from the module file")
