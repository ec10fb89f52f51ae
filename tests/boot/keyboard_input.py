"""Keys pressed on the PS/2 keyboard reach the kernel (IRQ 1) translated to
ASCII, shift and ctrl included, in order."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# QEMU key names (monitor `sendkey`) and the codes kernel/dev/keyboard.c must
# make of them: shift gives capitals, ctrl+letter the control character,
# Enter a newline. The dot ends the kernel's echo test and is not echoed.
KEYS = ["h", "shift-i", "ctrl-p", "ret", "dot"]
EXPECTED = [ord("h"), ord("I"), 16, ord("\n")]
PROMPT = b"(qemu) "
TIMEOUT = 20


class Qemu:
    """QEMU with serial on a pipe and a human monitor on a unix socket (the
    harness's t.boot() has `-monitor none` and no way to act mid-run)."""

    def __init__(self, t, tmp):
        self.t = t
        self.sock_path = os.path.join(tmp, "monitor.sock")
        # A second -monitor adds a monitor; the harness's "none" adds none.
        cmd = t.qemu_command(boot="kernel", mem=32, args="test=echo poweroff",
                             extra=["-monitor", f"unix:{self.sock_path},server,nowait"])
        t.log.append(" ".join(cmd))
        self.p = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        os.set_blocking(self.p.stdout.fileno(), False)
        self.serial = bytearray()
        self.mon = None
        self.mon_out = bytearray()

    def text(self):
        return self.serial.decode("latin-1").replace("\r", "")

    def wait_serial(self, needle, deadline):
        """Reads serial output until NEEDLE appears, QEMU exits or time is up."""
        while True:
            chunk = self.p.stdout.read()
            if chunk:
                self.serial += chunk
            if needle in self.text():
                return True
            if self.p.poll() is not None or time.monotonic() > deadline:
                return False
            if not chunk:
                time.sleep(0.02)

    def monitor(self, command, deadline):
        """Runs one monitor command; returns what the monitor printed for it."""
        if self.mon is None:
            self.mon = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self.mon.settimeout(0.2)
            while True:
                try:
                    self.mon.connect(self.sock_path)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            self._read_prompt(deadline)              # the banner
        start = len(self.mon_out)
        self.mon.sendall(command.encode() + b"\n")
        self._read_prompt(deadline)
        # Drop the monitor's (escape-laden) echo of our line and the prompt.
        out = self.mon_out[start:].decode("latin-1").replace("\r", "")
        reply = out.split("\n", 1)[1] if "\n" in out else ""
        return reply[:-len(PROMPT)] if reply.endswith(PROMPT.decode()) else reply

    def _read_prompt(self, deadline):
        # The monitor is done with a command when it prints a fresh prompt.
        start = len(self.mon_out)
        while PROMPT not in self.mon_out[start:]:
            if time.monotonic() > deadline:
                raise TimeoutError("the QEMU monitor did not answer")
            try:
                data = self.mon.recv(4096)
            except socket.timeout:
                continue
            if not data:
                raise ConnectionError("the QEMU monitor closed")
            self.mon_out += data

    def stop(self):
        if self.mon is not None:
            self.mon.close()
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        try:
            rest = self.p.stdout.read()
            if rest:
                self.serial += rest
        except (OSError, ValueError):
            pass


def run(t):
    tmp = tempfile.mkdtemp(prefix="orchard-kbd-")
    q = None
    try:
        q = Qemu(t, tmp)
        deadline = time.monotonic() + TIMEOUT
        t.check(q.wait_serial("selftest: echo ready", deadline),
                "the kernel never said 'selftest: echo ready'")
        for key in KEYS:
            reply = q.monitor(f"sendkey {key}", deadline)
            t.out += f"[monitor] sendkey {key}\n{reply}"
            # A bad key name is reported by the monitor, not the kernel;
            # sendkey prints nothing when it succeeds.
            t.check(reply.strip() == "", f"the monitor rejected 'sendkey {key}': {reply.strip()}")
        q.wait_serial("kernel: powering off.", deadline)
    finally:
        if q is not None:
            q.stop()
            t.out += q.text()
        shutil.rmtree(tmp, ignore_errors=True)

    got = [int(x) for x in re.findall(r"^echo: (\d+) ", t.out, re.M)]
    t.check(got == EXPECTED, f"echo saw {got}, expected {EXPECTED} (h, I, Ctrl-P, Enter)")
    t.expect(r"^echo: 104 'h'$")
    t.expect(r"^echo: 73 'I'$")
    t.expect(r"^selftest: echo done$", what="the '.' key should end the echo test")
