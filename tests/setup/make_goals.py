"""Each make goal asks tools/setup.sh for only what it uses (make: one i686
toolchain, python3, cpio; qemu: and QEMU; gdb: and a GDB; test: everything;
LLVM=1: LLVM instead of GNU; TOOLPREFIX=: no toolchain search), and asks in
a recipe: on a machine with nothing installed, `make -n`, `make clean` and
`make help` run no package manager, while `make tools` does. `make help`
lists the targets; `make gdb` with no QEMU waiting says to start
`make qemu-gdb` first."""
import os
import re
import socket
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _fake import BUILD, Machine  # noqa: E402

NEEDS = [((), "build"), (("qemu",), "build qemu"), (("run",), "build qemu"),
         (("gdb",), "build gdb"), (("test",), "test"), (("LLVM=1",), "build-llvm"),
         (("qemu", "LLVM=1"), "build-llvm qemu"), (("TOOLPREFIX=i686-elf-",), "base"),
         (("grade",), "build hostcc qemu")]


def case(t, results, name, body):
    m = Machine(t, name)
    try:
        why = body(m)
    except Exception as e:
        why = f"{type(e).__name__}: {e}"
    t.out += f"[{name}: {why or 'ok'}]\n"
    results.append((name, not why, why))
    m.cleanup()


def bare(m):
    """A machine with make and python3, no toolchain; apt-get records."""
    m.link_real("make")
    m.link_real("python3")
    m.script("id", "echo 0")
    m.apt()
    return os.path.join(m.dir, "build")


def needs(m):
    build = bare(m)
    for goals, want in NEEDS:
        rc, out = m.run(["make", "-n", f"BUILD={build}", *goals])
        got = re.search(r"^sh tools/setup\.sh --quiet (.*)$", out, re.M)
        if not got or got.group(1).split() != want.split():
            return f"make -n {' '.join(goals)} asks for {got and got.group(1)!r}, expected {want!r}"
    return None


def installs_nothing(m):
    build = bare(m)
    for goals in (["-n"], ["-n", "qemu"], ["clean"], ["help"]):
        rc, out = m.run(["make", f"BUILD={build}", *goals])
        if rc != 0:
            return f"make {' '.join(goals)} exited {rc}: {out[-300:]!r}"
        if m.call_log():
            return f"make {' '.join(goals)} ran {m.call_log()}"
    return None


def tools_installs(m):
    build = bare(m)
    rc, out = m.run(["make", f"BUILD={build}", "tools"])
    calls = [c for c in m.call_log() if " install " in c]
    if rc != 0 or len(calls) != 1 or "gcc-i686-linux-gnu" not in calls[0]:
        return f"make tools: exit {rc}, calls {m.call_log()}: {out[-300:]!r}"
    return None


def help_lists(m):
    m.link_real("make")
    rc, out = m.run(["make", "help"])
    for target in ("make qemu", "make test", "make run CMD=", "make qemu-gdb", "make gdb",
                   "make clean", "make bench", "make grade"):
        if target not in out:
            return f"make help does not list {target!r}: {out!r}"
    return None


def free_port():
    s = socket.socket()
    s.bind(("", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def results(t):
    r = []
    case(t, r, "each_goal_needs_only_what_it_uses", needs)
    case(t, r, "dry_run_clean_help_install_nothing", installs_nothing)
    case(t, r, "make_tools_installs_in_a_recipe", tools_installs)
    case(t, r, "help_lists_targets", help_lists)

    port = free_port()
    argv = ["make", "gdb", f"GDBPORT={port}"] + ([f"BUILD={BUILD}"] if BUILD != "build" else [])
    t.log.append(" ".join(argv))
    p = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                       stdin=subprocess.DEVNULL)
    t.out += p.stdout + p.stderr
    said = "start it first, in another terminal: make qemu-gdb"
    r.append(("gdb_without_qemu_says_start_qemu_gdb",
              p.returncode != 0 and said in p.stderr and f"port {port}" in p.stderr,
              f"make gdb with nothing on port {port}: exit {p.returncode}, {p.stderr[-300:]!r}"))
    return r
