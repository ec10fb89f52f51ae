#!/usr/bin/env python3
"""The test runner behind `make test`.

Two kinds of tests, run in this order:

1. Host unit tests, tests/unit/test_*.c: pure kernel code (formatting,
   the frame allocator, the command-line parser, ...) compiled with the
   host compiler and run directly. A test file names the kernel sources it
   needs on a line `// sources: kernel/lib/format.c ...`. Each CHECK group
   (`UNIT(name)`) reports as one test.

2. System tests, tests/*/NAME.py (one file per test, like Pintos's .ck
   checkers). A file sets how to boot and checks what the kernel printed:

       '''What this test proves (the docstring is shown on failure).'''
       boot = "kernel"         # "kernel": QEMU -kernel; "disk": build/os.img
       mem = 32                # MiB
       args = "test=boot"      # kernel command line (BOOTARGS)
       timeout = 20            # seconds
       def check(t):
           t.expect(r"selftest: boot ok")

   Optional: `input` (bytes typed on the serial console once `input_after`
   is printed), `until` (regex that ends the run early; by default the
   kernel's "powering off"/"halted" line or QEMU's exit), `extra` (more
   QEMU options), `image` (a disk image instead of build/os.img). A test
   may instead define `run(t)` and drive things itself with t.boot() and
   t.sh(); see tests/README.md.

Usage: testrun.py [SUBSTRING ...]   (run only tests whose name contains one)
Ends with one line "N passed, N failed"; exits 1 if any failed.
"""
import concurrent.futures
import glob
import importlib.util
import os
import re
import shlex
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import labs  # noqa: E402
BUILD = os.environ.get("BUILD", "build")
QEMU = "qemu-system-i386"
DEFAULT_UNTIL = r"kernel: (powering off|halted)\."
print_lock = threading.Lock()
OPEN_LABS = labs.open_labs(ROOT)
OPEN_FILE_NOTE = labs.OPEN_FILE + ": delete a lab's line once make grade gives full marks"
todo_results = []          # (lab, result name, passed): reported apart from the totals


def open_lab_of(name):
    """The open lab (labs/OPEN, a student tree) whose check this result is, or None."""
    for lab in OPEN_LABS:
        if any(re.search(p, name) for p in labs.LABS[lab].todo):
            return lab
    return None


def todo(name, ok):
    """In a student tree, an open lab's check is a TODO line, not a pass or a
    failure; returns whether it was one."""
    lab = open_lab_of(name)
    if lab is None:
        return False
    todo_results.append((lab, name, ok))
    print(f"TODO lab {lab}: {name} ({'passes' if ok else 'not yet'})", flush=True)
    return True


class TestFailure(Exception):
    pass


class Run:
    """The result of one boot: what the kernel printed, and how it ended."""

    def __init__(self, out, returncode, timed_out):
        self.out = out
        self.returncode = returncode
        self.timed_out = timed_out


class Test:
    """Handed to a test's check()/run(): boots QEMU and asserts on output."""

    def __init__(self, name, module):
        self.name = name
        self.m = module
        self.out = ""
        self.log = []

    # ---- assertions -------------------------------------------------
    def expect(self, pattern, text=None, what=None):
        m = re.search(pattern, self.out if text is None else text, re.M)
        if not m:
            raise TestFailure(what or f"expected output matching /{pattern}/")
        return m

    def absent(self, pattern, text=None, what=None):
        m = re.search(pattern, self.out if text is None else text, re.M)
        if m:
            raise TestFailure(what or f"unexpected output: {m.group(0)!r}")

    def check(self, cond, what):
        if not cond:
            raise TestFailure(what)

    # ---- actions ----------------------------------------------------
    def qemu_command(self, boot="kernel", mem=32, args="", extra=(), image=None, kernel=None,
                     initrd=None):
        # CPUS (make test CPUS=N) sets every boot's CPU count; a test's own
        # -smp in `extra` comes later and wins.
        cmd = [QEMU, "-m", str(mem), "-smp", os.environ.get("CPUS") or "1", "-display", "none", "-monitor", "none",
               "-serial", "stdio", "-no-reboot", "-nic", "none",
               "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
        if boot == "kernel":
            cmd += ["-kernel", kernel or os.path.join(BUILD, "kernel.elf"), "-append", args]
            if initrd:
                cmd += ["-initrd", initrd]
        else:
            # -snapshot: parallel boots never write the shared image.
            img = image or os.path.join(BUILD, "os.img")
            cmd += ["-drive", f"file={img},format=raw,index=0,media=disk", "-snapshot"]
        return cmd + list(extra)

    def boot(self, boot="kernel", mem=32, args="", timeout=20, until=DEFAULT_UNTIL,
             input=None, input_after=None, extra=(), image=None, kernel=None, initrd=None):
        """Boots QEMU, returns a Run; the output also lands in self.out."""
        cmd = self.qemu_command(boot, mem, args, extra, image, kernel, initrd)
        self.log.append(" ".join(shlex.quote(c) for c in cmd))
        p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, cwd=ROOT)
        out = bytearray()
        deadline = time.monotonic() + timeout
        timed_out = False
        sent = input is None
        os.set_blocking(p.stdout.fileno(), False)
        while True:
            if p.poll() is not None:
                rest = p.stdout.read()
                if rest:
                    out += rest
                break
            chunk = p.stdout.read()
            if chunk:
                out += chunk
            text = out.decode("latin-1").replace("\r", "")
            if not sent and (input_after is None or re.search(input_after, text, re.M)):
                p.stdin.write(input if isinstance(input, bytes) else input.encode())
                p.stdin.flush()
                sent = True
            if until and re.search(until, text, re.M):
                time.sleep(0.05)
                break
            if time.monotonic() > deadline:
                timed_out = True
                break
            if not chunk:
                time.sleep(0.02)
        if p.poll() is None:
            p.kill()
        p.wait()
        try:
            rest = p.stdout.read()
            if rest:
                out += rest
        except (OSError, ValueError):
            pass
        text = out.decode("latin-1").replace("\r", "")
        self.out += text
        return Run(text, p.returncode, timed_out)

    def run_cmd(self, cmd, mem=64, bootargs="", timeout=120, extra=()):
        """Boots like `make run`: init runs `sh -c cmd`; returns the Run.
        Everything (kernel log included) arrives on one stream here."""
        args = f"poweroff run={cmd.encode().hex()} {bootargs}".strip()
        return self.boot(mem=mem, args=args, timeout=timeout, extra=extra,
                         until=r"^exit status: -?\d+$|kernel: (powering off|halted)\.",
                         initrd=os.path.join(BUILD, "initramfs.cpio"))

    def sh(self, command, timeout=300, check=True):
        """Runs a shell command in the tree; returns its combined output."""
        self.log.append(command)
        p = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True,
                           text=True, timeout=timeout)
        self.out += p.stdout + p.stderr
        if check and p.returncode != 0:
            raise TestFailure(f"`{command}` exited {p.returncode}")
        return p.stdout + p.stderr


def log_path(name):
    """build/tests/boot/NAME.out for tests/boot/NAME."""
    return os.path.join(ROOT, BUILD, "tests", name[len("tests/"):] + ".out")


def run_system_test(path):
    name = os.path.relpath(path, ROOT)[:-3]
    spec = importlib.util.spec_from_file_location(name.replace("/", "_"), path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    t = Test(name, m)
    start = time.monotonic()
    results = None
    try:
        if hasattr(m, "results"):
            results = m.results(t)
        elif hasattr(m, "run"):
            m.run(t)
        else:
            r = t.boot(boot=getattr(m, "boot", "kernel"), mem=getattr(m, "mem", 32),
                       args=getattr(m, "args", ""), timeout=getattr(m, "timeout", 20),
                       until=getattr(m, "until", DEFAULT_UNTIL),
                       input=getattr(m, "input", None),
                       input_after=getattr(m, "input_after", None),
                       extra=getattr(m, "extra", ()), image=getattr(m, "image", None))
            if r.timed_out and getattr(m, "until", DEFAULT_UNTIL):
                t.out += "\n[testrun: timed out]\n"
            m.check(t)
        ok, why = True, ""
    except TestFailure as e:
        ok, why = False, str(e)
    except Exception as e:  # a broken test is a failed test, not a crash
        ok, why = False, f"{type(e).__name__}: {e}"
    secs = time.monotonic() - start
    logname = log_path(name)
    os.makedirs(os.path.dirname(logname), exist_ok=True)
    with open(logname, "w") as f:
        f.write("\n".join("$ " + c for c in t.log) + "\n" + t.out)
    if results is not None and ok:
        return report_many(name, results, t, secs)
    with print_lock:
        if todo(name, ok):
            return None
        if ok:
            print(f"PASS {name} ({secs:.1f}s)", flush=True)
        else:
            doc = (m.__doc__ or "").strip().splitlines()
            print(f"FAIL {name} ({secs:.1f}s): {why}", flush=True)
            if doc:
                print(f"     (the test: {doc[0]})")
            tail = t.out.strip().splitlines()[-25:]
            for line in tail:
                print("     | " + line)
            print(f"     full log: {os.path.relpath(logname, ROOT)}", flush=True)
    return ok


def report_many(name, results, t, secs):
    """A module that returned several results (e.g. the in-guest suite)."""
    passed = failed = 0
    with print_lock:
        for sub, ok, why in results:
            if todo(f"{name}/{sub}", ok):
                continue
            if ok:
                passed += 1
                print(f"PASS {name}/{sub}", flush=True)
            else:
                failed += 1
                print(f"FAIL {name}/{sub}: {why}", flush=True)
                for line in why_lines(t.out, sub):
                    print("     | " + line)
        print(f"     ({name}: {len(results)} results in {secs:.1f}s; "
              f"log: {os.path.relpath(log_path(name), ROOT)})",
              flush=True)
    return passed, failed


def why_lines(out, sub):
    """The output a failed in-guest test printed (between its start and end lines)."""
    m = re.search(rf"^utest {re.escape(sub)}: start\n(.*?)^utest {re.escape(sub)}: ", out, re.S | re.M)
    return (m.group(1).splitlines() if m else [])[-20:]


def unit_build(src, root=ROOT):
    """Compiles one host unit test, tests/unit/NAME.c, with the kernel sources
    and flags it names on its `// sources:` and `// cflags:` lines: the one
    build both make test and make grade (tools/grade.py) use, with ASan,
    UBSan and warnings as errors. Returns (executable, "") or (None, the
    compiler's messages)."""
    sources, cflags = [], []
    with open(os.path.join(root, src)) as f:
        for line in f:
            m = re.match(r"\s*//\s*(sources|cflags):(.*)", line)
            if m:
                (sources if m.group(1) == "sources" else cflags).extend(shlex.split(m.group(2)))
    outdir = os.path.join(root, BUILD, "unit")
    os.makedirs(outdir, exist_ok=True)
    exe = os.path.join(outdir, os.path.basename(src)[:-2])
    cc = ["cc", "-std=gnu11", "-g", "-O1", "-Wall", "-Wextra", "-Werror",
          "-DHOST_TEST", "-Ikernel", "-Itests/unit", "-fsanitize=address,undefined",
          "-fno-sanitize-recover=all", *cflags, "-o", exe, src, "tests/unit/host_stubs.c"] + sources
    p = subprocess.run(cc, cwd=root, capture_output=True, text=True)
    return (exe, "") if p.returncode == 0 else (None, p.stderr)


def unit_tests(selected):
    """Builds and runs tests/unit/test_*.c; returns (passed, failed)."""
    passed = failed = 0
    for src in sorted(glob.glob(os.path.join(ROOT, "tests/unit/test_*.c"))):
        base = os.path.basename(src)[:-2]
        if selected and not any(s in "tests/unit/" + base for s in selected):
            continue
        exe, err = unit_build(os.path.relpath(src, ROOT))
        if exe is None:
            print(f"FAIL tests/unit/{base}: does not compile\n{err}", flush=True)
            failed += 1
            continue
        p = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=60)
        every = re.findall(r"^(PASS|FAIL) (.*)$", p.stdout, re.M)
        results = [(s, rest) for s, rest in every
                   if not todo(f"tests/unit/{base}: {rest}", s == "PASS")]
        for status, rest in results:
            print(f"{status} tests/unit/{base}: {rest}", flush=True)
        passed += sum(1 for s, _ in results if s == "PASS")
        failed += sum(1 for s, _ in results if s == "FAIL")
        if p.returncode != 0 and not any(s == "FAIL" for s, _ in every):
            print(f"FAIL tests/unit/{base}: exited {p.returncode}\n{p.stdout[-2000:]}{p.stderr[-2000:]}")
            failed += 1
    return passed, failed


def main():
    selected = sys.argv[1:]
    os.chdir(ROOT)
    start = time.monotonic()
    passed, failed = unit_tests(selected)
    paths = sorted(p for p in glob.glob(os.path.join(ROOT, "tests", "*", "*.py"))
                   if not os.path.basename(p).startswith("_"))
    if selected:
        paths = [p for p in paths if any(s in os.path.relpath(p, ROOT) for s in selected)]
    # Slow tests (e.g. the LLVM build) first, so they overlap the rest.
    paths.sort(key=lambda p: 0 if "slow = True" in open(p).read() else 1)
    workers = int(os.environ.get("JOBS", os.cpu_count() or 2))
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as ex:
        for r in ex.map(run_system_test, paths):
            if r is None:
                continue
            if isinstance(r, tuple):
                passed += r[0]
                failed += r[1]
            else:
                passed += r
                failed += not r
    print(f"(took {time.monotonic() - start:.0f}s)")
    if OPEN_LABS:
        done = sum(ok for _, _, ok in todo_results)
        print(f"TODO labs still open ({OPEN_FILE_NOTE}): {', '.join(OPEN_LABS)}; "
              f"{done} of their {len(todo_results)} checks pass")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
