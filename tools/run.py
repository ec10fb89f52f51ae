#!/usr/bin/env python3
"""`make run`: boot the kernel headless, run one command, report its status.

Reads CMD, BOOTARGS, MEM (MiB, default 128), CPUS (default 1), QEMUEXTRA
and RUN_TIMEOUT (seconds, default 60) from the environment (the Makefile exports them), so
that any characters in CMD survive. Boots through -kernel/-initrd (never
touching build/os.img, so runs can go side by side). The command goes in a
file of its own, BUILD/run/cmd-PID, loaded as the second Multiboot module;
the boot option run=@1 makes init run `sh -c` on that module's bytes. So
CMD arrives byte for byte and its length is not bounded by the kernel's
command line (1,023 bytes), only by exec's 4 KiB of arguments; a command
longer than that is refused here, before anything boots.

Standard output: what CMD and its children write to fds 1 and 2, then the
last line "exit status: N". The kernel's own log goes to the second serial
port, into build/run/kernel.log (BUILD/run/kernel-PID.log when several runs
overlap), or into the file RUN_LOG names (tools/bench.py reads its own). Standard input is forwarded to the console; at its end the
console reads as end of file (^D).

Exit status: 0 when N is 0; 1 when N is not 0; 2 when the kernel panics,
3 when it stops without the end line, 124 on timeout.
"""
import os
import re
import select
import shlex
import subprocess
import sys
import time

BUILD = os.environ.get("BUILD", "build")
# The kernel's buffer for the command (kernel/core/main.c, run_cmd), less its NUL.
CMD_MAX = 4096 - 16 - 1


def main():
    cmd = os.environ.get("CMD", "")
    if not cmd:
        sys.exit("make run: say what to run, e.g. make run CMD=\"echo hello\"")
    mem = os.environ.get("MEM") or "128"
    timeout = float(os.environ.get("RUN_TIMEOUT") or 60)
    bootargs = os.environ.get("BOOTARGS", "")
    logdir = os.path.join(BUILD, "run")
    os.makedirs(logdir, exist_ok=True)
    data = cmd.encode()
    if len(data) > CMD_MAX:
        sys.exit(f"make run: CMD is {len(data)} bytes; the kernel takes at most {CMD_MAX} "
                 "(exec's limit on arguments); nothing was run")
    if b"\0" in data:
        sys.exit("make run: CMD holds a NUL byte; nothing was run")
    log, lock = (os.environ["RUN_LOG"], None) if os.environ.get("RUN_LOG") else claim_log(logdir)
    os.makedirs(os.path.dirname(log) or ".", exist_ok=True)   # QEMU will not create it
    # The module's string is this path: a fixed width keeps its length, and
    # so the kernel's instruction counts under -icount, the same every run.
    cmdfile = os.path.join(logdir, f"cmd-{os.getpid():08d}")
    with open(cmdfile, "wb") as f:
        f.write(data)
    # sched= etc. in BOOTARGS come after ours, and the last occurrence wins.
    append = f"klog=com2 poweroff run=@1 {bootargs}".strip()
    qemu = ["qemu-system-i386", "-m", mem, "-smp", os.environ.get("CPUS") or "1", "-display", "none", "-monitor", "none",
            "-no-reboot", "-nic", "none",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
            "-kernel", os.path.join(BUILD, "kernel.elf"),
            "-initrd", os.path.join(BUILD, "initramfs.cpio") + "," + cmdfile,
            "-append", append,
            "-serial", "stdio", "-serial", f"file:{log}"]
    qemu += shlex.split(os.environ.get("QEMUEXTRA", ""))
    if os.path.exists(log):
        os.unlink(log)      # a stale "clock:" would open the input too early
    try:
        status = run(qemu, timeout, log)
        code = verdict(status, log)
    finally:
        os.unlink(cmdfile)
        if lock:
            os.unlink(lock)
    sys.exit(code)


def claim_log(logdir):
    """build/run/kernel.log, unless another run holds it: then a log of our own."""
    lock = os.path.join(logdir, "kernel.log.lock")
    try:
        os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return os.path.join(logdir, "kernel.log"), lock
    except FileExistsError:
        return os.path.join(logdir, f"kernel-{os.getpid()}.log"), None


def kernel_ready(log):
    """True once the kernel takes console input (its log says the clock
    runs): bytes sent earlier would be lost when the UART is set up."""
    try:
        with open(log, "rb") as f:
            return b"clock:" in f.read()
    except OSError:
        return False


class Relay:
    """Copies the guest's console to stdout a line at a time, so that an
    "exit status: N" glued to output without a final newline can be put on
    a line of its own; a partial line is flushed after a short quiet spell
    (a prompt waiting for input)."""

    STATUS = re.compile(rb"^(.*?)exit status: (-?\d+)$")

    def __init__(self):
        self.partial = b""
        self.status = None
        self.last = time.monotonic()

    def feed(self, data):
        self.last = time.monotonic()
        lines = (self.partial + data.replace(b"\r", b"")).split(b"\n")
        self.partial = lines.pop()
        for line in lines:
            m = self.STATUS.match(line)
            if m:
                self.status = int(m.group(2))
                if m.group(1):
                    line = m.group(1) + b"\nexit status: " + m.group(2)
            sys.stdout.buffer.write(line + b"\n")
        sys.stdout.buffer.flush()

    def idle(self):
        if self.partial and time.monotonic() - self.last > 0.2:
            sys.stdout.buffer.write(self.partial)
            sys.stdout.buffer.flush()
            self.partial = b""

    def close(self):
        if self.partial:
            self.feed(b"\n")


def run(qemu, timeout, log):
    """Runs QEMU, relaying output; returns (end line's N or None, timed_out)."""
    p = subprocess.Popen(qemu, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    stdin_open = True
    relay = Relay()
    ready = False
    try:
        stdin_fd = sys.stdin.fileno()
    except (OSError, ValueError):
        stdin_open = False
    out_fd = p.stdout.fileno()
    # The console holds input back while no program reads it, and so does
    # QEMU: never block on writing to it, or the timeout could not fire.
    qemu_in = p.stdin.fileno()
    os.set_blocking(qemu_in, False)
    pending = b""
    while True:
        ready = ready or kernel_ready(log)
        fds = [out_fd] + ([stdin_fd] if stdin_open and ready and not pending else [])
        left = deadline - time.monotonic()
        if left <= 0:
            p.kill()
            p.wait()
            relay.close()
            return None, True
        readable, writable, _ = select.select(fds, [qemu_in] if pending else [], [],
                                              min(left, 0.1))
        relay.idle()
        if stdin_open and stdin_fd in readable:
            pending = os.read(stdin_fd, 4096)
            if not pending:
                stdin_open = False
                pending = b"\x04"       # ^D: the console is at end of file
            pending = pending.replace(b"\n", b"\r")
        if pending and qemu_in in writable:
            try:
                pending = pending[os.write(qemu_in, pending):]
            except BrokenPipeError:
                stdin_open, pending = False, b""    # QEMU has exited: just drain its output
        if out_fd in readable:
            chunk = os.read(out_fd, 4096)
            if not chunk:
                break
            relay.feed(chunk)
    p.wait()
    relay.close()
    return relay.status, False


def verdict(result, log):
    status, timed_out = result
    try:
        klog = open(log, errors="replace").read()
    except OSError:
        klog = ""
    refused = re.search(r"^run: .*refusing.*$", klog, re.M)
    if refused:
        sys.stderr.write(f"make run: the kernel refused the command: {refused.group(0)}\n")
        return 3
    if "panic:" in klog:
        sys.stderr.write(f"make run: the kernel panicked; see {log}:\n")
        sys.stderr.write(klog[klog.index("panic:"):][:2000])
        return 2
    if timed_out:
        sys.stderr.write(f"make run: no result within RUN_TIMEOUT; kernel log in {log}\n")
        return 124
    if status is None:
        sys.stderr.write(f"make run: the kernel stopped without an exit status; see {log}\n")
        return 3
    return 0 if status == 0 else 1


if __name__ == "__main__":
    main()
