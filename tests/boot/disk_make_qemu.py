"""`make qemu-nox` boots build/os.img in the terminal: the loader's lines and the
kernel's banner appear on its output (then the test stops QEMU)."""
import os
import re
import signal
import subprocess
import time


def run(t):
    cmd = "make -s qemu-nox MEM=32"
    t.log.append(cmd)
    p = subprocess.Popen(cmd, shell=True, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, start_new_session=True)
    out = b""
    try:
        os.set_blocking(p.stdout.fileno(), False)
        deadline = time.monotonic() + 30
        while not re.search(rb"Orchard teaching kernel", out):
            if time.monotonic() > deadline or p.poll() is not None:
                break
            out += p.stdout.read() or b""
            time.sleep(0.05)
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)   # make, and the QEMU it started
        except ProcessLookupError:
            pass                                # make already exited (and failed)
        p.wait()
        out += p.stdout.read() or b""
    t.out += out.decode("latin-1").replace("\r", "")
    t.expect(r"boot: MBR: loading stage 2", what="the MBR's line did not appear")
    t.expect(r"^Orchard teaching kernel 0\.1 \(i386\)", what="the banner did not appear")
