"""Shared by tests/debug/gdb_*.py: a scripted GDB session against QEMU's GDB
stub. QEMU starts halted on a free port, GDB runs in batch mode with a
gdbinit generated from tools/gdbinit.tmpl (so the tests exercise exactly
that file), and after GDB detaches the kernel runs on to its end."""
import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("BUILD", "build")


def free_port():
    # The kernel hands out an unused port for port 0. Tests run in
    # parallel, so a fixed port (or the Makefile's per-user one, which a
    # developer's `make qemu-gdb` may hold) could collide.
    with socket.socket() as s:
        s.bind(("", 0))
        return s.getsockname()[1]


def listening(port):
    """True once some socket listens on PORT (Linux /proc; state 0A)."""
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(name) as f:
                rows = f.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                return True
    return False


def start_qemu(t, tmp, smp=1, **qemu):
    """Starts QEMU (-kernel, -m 32, plus the t.qemu_command() arguments
    QEMU) halted with a GDB stub; returns (process, port, log path).
    Between free_port() closing its socket and QEMU binding it, someone else
    may take the port: then QEMU exits at once and we try another."""
    for attempt in range(3):
        port = free_port()
        # One CPU unless asked (kcpus): conditions such as
        # `cpus[0].proc->name` in the tests name the boot CPU's process.
        cmd = t.qemu_command(boot="kernel", mem=32,
                             extra=["-S", "-gdb", f"tcp::{port}", "-smp", str(smp)], **qemu)
        t.log.append(" ".join(cmd))
        log = os.path.join(tmp, f"qemu{attempt}.log")     # serial (stdio) and errors
        with open(log, "wb") as out:
            p = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.DEVNULL,
                                 stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 5
        while p.poll() is None and time.monotonic() < deadline:
            if listening(port):
                return p, port, log
            time.sleep(0.05)
        if p.poll() is None:
            return p, port, log     # no /proc answer; GDB retries the connect anyway
        with open(log, errors="replace") as f:
            t.out += f"[qemu exited {p.returncode}]\n" + f.read()
    t.check(False, "QEMU would not start with a GDB stub (3 ports tried)")


def gdb_session(t, steps, timeout, one_stream=False, **qemu):
    """Starts QEMU (see start_qemu) and runs `gdb -batch` on it with the
    template's setup and each of STEPS as an -ex command, for at most
    TIMEOUT seconds; then gives the kernel 5 s to run on to its end.
    Returns (GDB's output, the serial output), both also added to t.out.
    GDB's stderr follows its stdout, or with ONE_STREAM is interleaved
    with it (so that error messages land where they were printed)."""
    with open(os.path.join(ROOT, "tools/gdbinit.tmpl")) as f:
        template = f.read()
    tmp = tempfile.mkdtemp(prefix="orchard-gdb-")
    qemu_p = None
    try:
        qemu_p, port, serial_log = start_qemu(t, tmp, **qemu)
        # The same substitution as the Makefile's .gdbinit rule.
        gdbinit = os.path.join(tmp, "gdbinit")
        with open(gdbinit, "w") as f:
            f.write(template.replace("@GDBPORT@", str(port)).replace("@BUILD@", BUILD))
        cmd = ["gdb", "-batch", "-nx", "-x", gdbinit]
        for s in steps:
            cmd += ["-ex", s]
        t.log.append(" ".join(shlex.quote(c) for c in cmd))
        try:
            p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT if one_stream else subprocess.PIPE,
                               text=True, timeout=timeout)
            out = p.stdout + (p.stderr or "")
        except subprocess.TimeoutExpired as e:       # run() has killed gdb
            out = (e.stdout or b"").decode(errors="replace") + "\n[gdb timed out]\n"
        t.out += out
        # GDB detaches at the end of -batch; the kernel runs on.
        try:
            qemu_p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        with open(serial_log, errors="replace") as f:
            serial = f.read().replace("\r", "")
        t.out += "---- serial ----\n" + serial
    finally:
        if qemu_p is not None and qemu_p.poll() is None:
            qemu_p.kill()
            qemu_p.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return out, serial


def section(out, name):
    """The GDB output between our `echo @@name` marker and the next one."""
    m = re.search(rf"^@@{name}$(.*?)(?=^@@|\Z)", out, re.M | re.S)
    return m.group(1) if m else ""


def check_listing(t, text, path, what):
    """TEXT holds the output of GDB's `list` (WHAT): at least 5 lines, each
    the same as that line of PATH (in the tree). Returns the listed
    [(number, text)] and PATH's lines."""
    with open(os.path.join(ROOT, path)) as f:
        source = f.read().splitlines()
    listed = [(int(n), line) for n, line in re.findall(r"^(\d+)\t(.*)$", text, re.M)]
    t.check(len(listed) >= 5, f"{what} showed {len(listed)} lines of {path}")
    for n, line in listed:
        t.check(1 <= n <= len(source) and source[n - 1].rstrip() == line.rstrip(),
                f"{what} line {n} does not match {path}")
    return listed, source


def kernel_syms():
    """{name: address} of kernel.elf's functions, from nm's kernel.sym."""
    syms = {}
    with open(os.path.join(ROOT, BUILD, "kernel.sym")) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[1] in "tT":
                syms[parts[2]] = int(parts[0], 16)
    return syms
