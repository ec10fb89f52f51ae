"""Shared by tests/boot/disk_*.py: building custom disk images with
tools/mkimage.py (and patched kernels to put in them), booting them with our
loader, the checks every refused image gets, and a QEMU with a QMP socket
for reading guest memory back."""
import contextlib
import json
import os
import re
import socket
import subprocess
import time

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
KERNEL = os.path.join(BUILD, "kernel.elf")
MBR, STAGE2 = f"{BUILD}/boot/mbr.bin", f"{BUILD}/boot/stage2.bin"
MKIMAGE = f"python3 tools/mkimage.py --quiet --mbr {MBR} --stage2 {STAGE2}"


def mkimage(t, name, options):
    """Runs mkimage.py (our MBR and stage 2) with OPTIONS, writing
    build/tests/img/NAME; returns that path."""
    img = os.path.join(IMG, name)
    t.sh(f"{MKIMAGE} {options} -o {img}")
    return img


def kernel_bytes():
    """build/kernel.elf, to patch."""
    with open(KERNEL, "rb") as f:
        return bytearray(f.read())


def write_file(name, data):
    """Writes DATA to build/tests/img/NAME; returns that path."""
    path = os.path.join(IMG, name)
    os.makedirs(IMG, exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def boot_error(t, img, pattern, what, mem=32):
    """Boots img; the loader must print "boot: error: ..." matching pattern,
    and then halt: QEMU still running (-no-reboot ends it on a triple
    fault or reset), no kernel started."""
    r = t.boot(boot="disk", image=img, mem=mem, timeout=10, until=r"^boot: error: .*\n")
    t.expect(r"^boot: error: " + pattern, r.out, what=what)
    t.check(r.returncode == -9, "QEMU exited by itself after the error: a reset or triple fault, not a halt")
    t.absent(r"Orchard teaching kernel", r.out, what="the kernel ran anyway")
    return r


def bad_boot_info(t, hook, applied, reported):
    """Boots the kernel (test=boot poweroff) through the loader with test
    hook HOOK, which hands it bad Multiboot information: the loader must
    print APPLIED, the kernel REPORTED (both regexes), and then halt
    instead of booting on."""
    img = mkimage(t, f"disk_hook_{hook.replace('-', '_')}.img",
                  f"--kernel {KERNEL} --test-hook {hook} --cmdline 'test=boot poweroff'")
    r = t.boot(boot="disk", image=img, timeout=10)
    t.expect(applied, r.out, what="the loader did not apply the test hook")
    t.expect(reported, r.out, what="the kernel did not report the bad Multiboot information")
    t.expect(r"^kernel: halted\.$", r.out, what="the kernel did not stop")
    t.absent(r"^selftest: boot ok", r.out, what="the kernel booted on regardless")


def qmp(f, command, **arguments):
    """One QMP command; returns its reply (events are skipped)."""
    f.write(json.dumps({"execute": command, "arguments": arguments}) + "\n")
    f.flush()
    while True:
        reply = json.loads(f.readline())
        if "return" in reply or "error" in reply:
            return reply


def pmemsave(sock, start, size, filename):
    """Saves SIZE bytes of guest memory from START to FILENAME over the QMP
    socket SOCK; returns QMP's reply."""
    with socket.socket(socket.AF_UNIX) as s:
        s.connect(sock)
        f = s.makefile("rw")
        json.loads(f.readline())            # the greeting
        qmp(f, "qmp_capabilities")
        return qmp(f, "pmemsave", val=start, size=size, filename=os.path.abspath(filename))


@contextlib.contextmanager
def qemu_with_qmp(t, img, name, until, timeout):
    """Boots img with a QMP socket (build/tests/img/NAME.qmp) and reads the
    serial port until the regex UNTIL (bytes) appears, QEMU exits or
    TIMEOUT seconds pass. Yields (console output, so far; also added to
    t.out) and save(start, size, filename), which saves guest memory
    while QEMU still runs; QEMU is killed when the block ends."""
    sock = os.path.abspath(os.path.join(IMG, f"{name}.qmp"))
    if os.path.exists(sock):
        os.unlink(sock)
    cmd = t.qemu_command(boot="disk", image=img, extra=["-qmp", f"unix:{sock},server=on,wait=off"])
    t.log.append(" ".join(cmd))
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out = b""
    try:
        deadline = time.monotonic() + timeout
        os.set_blocking(p.stdout.fileno(), False)
        while not re.search(until, out):
            if time.monotonic() > deadline or p.poll() is not None:
                break
            out += p.stdout.read() or b""
            time.sleep(0.02)
        text = out.decode("latin-1").replace("\r", "")
        t.out += text
        yield text, lambda start, size, filename: pmemsave(sock, start, size, filename)
    finally:
        p.kill()
        p.wait()
