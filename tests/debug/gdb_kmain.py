"""Source-level debugging works: GDB, set up by tools/gdbinit.tmpl, stops at
kmain through a hardware breakpoint, shows the source, and the kinfo/ksyms
helpers (tools/gdb/orchard.py) read the kernel's state."""
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
MULTIBOOT_MAGIC = 0x2BADB002


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


def start_qemu(t, tmp):
    """Starts QEMU halted with a GDB stub; returns (process, port, log path).
    Between free_port() closing its socket and QEMU binding it, someone else
    may take the port: then QEMU exits at once and we try another."""
    for attempt in range(3):
        port = free_port()
        cmd = t.qemu_command(boot="kernel", mem=32, args="test=boot poweroff",
                             extra=["-S", "-gdb", f"tcp::{port}"])
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


def section(out, name):
    """The GDB output between our `echo @@name` marker and the next one."""
    m = re.search(rf"^@@{name}$(.*?)(?=^@@|\Z)", out, re.M | re.S)
    return m.group(1) if m else ""


def run(t):
    with open(os.path.join(ROOT, "tools/gdbinit.tmpl")) as f:
        template = f.read()
    # nm's view of the kernel, to check ksyms against.
    syms = {}
    with open(os.path.join(ROOT, BUILD, "kernel.sym")) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[1] in "tT":
                syms[parts[2]] = int(parts[0], 16)
    # A GCC clone ("foo.constprop.0"), if this build has one: GDB alone
    # would drop the ".0" that the kernel's panic backtrace prints.
    clone = next((n for n in sorted(syms) if "." in n), None)
    tmp = tempfile.mkdtemp(prefix="orchard-gdb-")
    qemu = None
    try:
        qemu, port, serial_log = start_qemu(t, tmp)
        # The same substitution as the Makefile's .gdbinit rule.
        gdbinit = os.path.join(tmp, "gdbinit")
        with open(gdbinit, "w") as f:
            f.write(template.replace("@GDBPORT@", str(port)).replace("@BUILD@", BUILD))
        steps = [
            "hbreak selftest_run",
            "echo @@kmain\\n", "continue", "bt", "p/x magic", "info source", "list",
            "echo @@kinfo0\\n", "kinfo",
            "echo @@selftest\\n", "continue",
            "echo @@kinfo1\\n", "kinfo",
            "echo @@ksyms\\n", "ksyms $pc", "ksyms selftest_run+5",
            f"ksyms {syms[clone]:#x}" if clone else "echo (no clone)\\n",
            "echo @@end\\n",
        ]
        cmd = ["gdb", "-batch", "-nx", "-x", gdbinit]
        for s in steps:
            cmd += ["-ex", s]
        t.log.append(" ".join(shlex.quote(c) for c in cmd))
        try:
            p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=15)
            out = p.stdout + p.stderr
        except subprocess.TimeoutExpired as e:       # run() has killed gdb
            out = (e.stdout or b"").decode(errors="replace") + "\n[gdb timed out]\n"
        t.out += out
        # GDB detaches at the end of -batch; the kernel must run on to its
        # power-off, proving the stop left it intact.
        try:
            qemu.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        with open(serial_log, errors="replace") as f:
            serial = f.read().replace("\r", "")
        t.out += "---- serial ----\n" + serial
    finally:
        if qemu is not None and qemu.poll() is None:
            qemu.kill()
            qemu.wait()
        shutil.rmtree(tmp, ignore_errors=True)

    t.expect(r"^type 'continue' to run to kmain$", out, what="the template's hint is printed")
    t.expect(r"^Hardware assisted breakpoint 1 at 0xc01[0-9a-f]{5}: file kernel/core/main\.c",
             out, what="the template sets a hardware breakpoint at kmain")

    # 1. Stopped at kmain, with the Multiboot magic as its first argument.
    at = section(out, "kmain")
    m = t.expect(r"^Breakpoint 1, kmain \(magic=(\w+), info_phys=(\w+)\) at kernel/core/main\.c:(\d+)$",
                 at, what="GDB did not stop at kmain")
    t.check(int(m.group(1), 0) == MULTIBOOT_MAGIC, f"magic={m.group(1)} is not 0x2badb002")
    t.expect(r"^\$1 = 0x2badb002$", at, what="p/x magic should print 0x2badb002")
    stop_line = int(m.group(3))
    t.expect(r"^#0\s+kmain \(magic=.*\) at kernel/core/main\.c:\d+$", at,
             what="backtrace frame #0 should be kmain in kernel/core/main.c")
    t.expect(r"^Current source file is kernel/core/main\.c$", at)

    # `list` must show main.c's real lines around the stop: compare each
    # listed line with the file itself.
    with open(os.path.join(ROOT, "kernel/core/main.c")) as f:
        source = f.read().splitlines()
    listed = re.findall(r"^(\d+)\t(.*)$", at, re.M)
    t.check(len(listed) >= 5, f"`list` showed {len(listed)} source lines")
    for num, text in listed:
        n = int(num)
        t.check(1 <= n <= len(source) and source[n - 1].rstrip() == text.rstrip(),
                f"`list` line {n} does not match kernel/core/main.c")
    t.check(any(int(n) == stop_line for n, _ in listed), "`list` does not show the stop line")
    t.check("kmain" in source[stop_line - 1] or
            any("kmain" in source[i] for i in range(max(0, stop_line - 4), stop_line)),
            "the stop line is not in kmain")

    # 2. kinfo at kmain: nothing set up yet (.bss is zero).
    k0 = section(out, "kinfo0")
    t.expect(r"^ticks 0$", k0, what="kinfo at kmain should report 0 ticks")
    t.expect(r"^free frames 0 \(0 KiB\)$", k0, what="kinfo at kmain should report 0 free frames")

    # 3. At selftest_run memory is set up: kinfo sees the free frames.
    st = section(out, "selftest")
    t.expect(r'^Breakpoint 2, selftest_run \(name=0x[0-9a-f]+ .*"boot"\) at kernel/core/selftest\.c:\d+$',
             st, what="GDB did not stop at selftest_run")
    k1 = section(out, "kinfo1")
    m = t.expect(r"^ticks (\d+)$", k1, what="kinfo at selftest_run prints ticks")
    t.check(int(m.group(1)) < 100, f"{m.group(1)} ticks before the first self-test is implausible")
    m = t.expect(r"^free frames (\d+) \((\d+) KiB\)$", k1, what="kinfo at selftest_run prints frames")
    nfree = int(m.group(1))
    t.check(int(m.group(2)) == nfree * 4, "KiB should be 4 times the frame count")
    t.check(16 * 256 < nfree < 32 * 256, f"{nfree} free frames is implausible with 32 MiB")
    m = t.expect(r"^memory: .* (\d+) KiB free", serial,
                 what="the kernel ran on after GDB detached and printed its memory line")
    t.check(nfree * 4 <= int(m.group(1)), "kinfo reports more free memory than the kernel had")
    t.expect(r"^selftest: boot ok$", serial, what="the kernel ran on to its self-test after GDB detached")

    # 4. ksyms names the function holding an address; compare with nm's.
    addr = syms.get("selftest_run")
    t.check(addr is not None, "selftest_run is missing from kernel.sym")
    ks = section(out, "ksyms")
    t.expect(rf"^{addr:#010x} is in selftest_run\+0x0 \(kernel/core/selftest\.c:\d+\)$", ks,
             what="ksyms $pc should name selftest_run")
    t.expect(rf"^{addr + 5:#010x} is in selftest_run\+0x5\b", ks,
             what="ksyms selftest_run+5 should say selftest_run+0x5")
    if clone:
        t.expect(rf"^{syms[clone]:#010x} is in {re.escape(clone)}\+0x0 ", ks,
                 what=f"ksyms should name the clone {clone} as nm and the panic do")
