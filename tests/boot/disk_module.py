"""A module's bytes are loaded page-aligned after the kernel (and a page of boot
information, as QEMU does) and stay intact while the kernel runs (read back
from guest memory over QMP); the kernel's free memory drops by the module's
size rounded up to whole pages."""
import json
import os
import re
import socket
import subprocess
import time

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")
SIZE = 3 * 4096 + 123                           # 4 pages once rounded up
MODULE_LINE = r"^boot: module 1 'initrd-test': 0x([0-9a-f]{8})-0x([0-9a-f]{8}) \((\d+) bytes\)$"
SEGMENT_END = r"^boot:   segment \d+: 0x[0-9a-f]{8}-0x([0-9a-f]{8}),"


def free_kib(t, out):
    return int(t.expect(r"^memory: \d+ KiB usable .*, (\d+) KiB free", out).group(1))


def qmp(f, command, **arguments):
    """One QMP command; returns its reply (events are skipped)."""
    f.write(json.dumps({"execute": command, "arguments": arguments}) + "\n")
    f.flush()
    while True:
        reply = json.loads(f.readline())
        if "return" in reply or "error" in reply:
            return reply


def boot_and_dump(t, img, dump):
    """Boots img until the kernel's self-test passed, then saves SIZE bytes
    of guest memory from where the loader says module 1 is. Returns the
    console output."""
    sock = os.path.abspath(os.path.join(IMG, "disk_module.qmp"))
    if os.path.exists(sock):
        os.unlink(sock)
    cmd = t.qemu_command(boot="disk", image=img, extra=["-qmp", f"unix:{sock},server=on,wait=off"])
    t.log.append(" ".join(cmd))
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out = b""
    try:
        deadline = time.monotonic() + 15
        os.set_blocking(p.stdout.fileno(), False)
        while not re.search(rb"selftest: boot ok", out):
            if time.monotonic() > deadline or p.poll() is not None:
                t.out += out.decode("latin-1")
                t.check(False, "the kernel did not reach 'selftest: boot ok'")
            out += p.stdout.read() or b""
            time.sleep(0.02)
        text = out.decode("latin-1").replace("\r", "")
        t.out += text
        start = int(t.expect(MODULE_LINE, text, what="the loader did not report module 1").group(1), 16)
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(sock)
            f = s.makefile("rw")
            json.loads(f.readline())            # the greeting
            qmp(f, "qmp_capabilities")
            reply = qmp(f, "pmemsave", val=start, size=SIZE, filename=os.path.abspath(dump))
            t.check("return" in reply, f"pmemsave failed: {reply}")
        return text
    finally:
        p.kill()
        p.wait()


def run(t):
    os.makedirs(IMG, exist_ok=True)
    module = os.path.join(IMG, "disk_module.mod")
    data = bytes((i * 7 + (i >> 8)) & 0xFF for i in range(SIZE))
    with open(module, "wb") as f:
        f.write(data)
    plain = os.path.join(IMG, "disk_module_none.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --cmdline 'test=boot poweroff' -o {plain}")
    img = os.path.join(IMG, "disk_module.img")
    t.sh(f"{MKIMAGE} --kernel {BUILD}/kernel.elf --module {module}:initrd-test "
         f"--cmdline 'test=boot' -o {img}")

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
