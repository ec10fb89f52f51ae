"""`make run CMD=...` through make itself: `echo hi` prints exactly
"hi\\nexit status: 0\\n" on standard output (the kernel log goes elsewhere)
and make exits 0; CMD reaches the shell intact (quotes, ';', '|', '&');
a failing command (exit 3, a missing program) makes make exit non-zero
after printing its status; CMD reaches sh byte for byte (make expands no $,
backslashes, quotes and newlines survive); a command longer than the kernel's
command line runs whole with the boot options after it, and a run= that the
command line cut is refused, never run in part."""
import os
import subprocess

BUILD = os.environ.get("BUILD", "build")


def make_run(t, cmd, **env):
    """Runs `make -s run CMD=cmd` (env: more environment); returns (stdout, returncode)."""
    argv = ["make", "-s", "run", f"CMD={cmd}"]
    if BUILD != "build":
        argv.append(f"BUILD={BUILD}")
    t.log.append(" ".join(argv))
    p = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                       stdin=subprocess.DEVNULL, env={**os.environ, **env})
    t.out += p.stdout + p.stderr
    return p.stdout, p.returncode


def run(t):
    # Build first, so that make run itself has nothing to say.
    t.sh("make -s all >/dev/null")
    out, rc = make_run(t, "echo hi")
    t.check(out == "hi\nexit status: 0\n", f"make run CMD='echo hi' printed {out!r}")
    t.check(rc == 0, f"make run CMD='echo hi' exited {rc}")

    out, rc = make_run(t, "echo \"a;b|c&d\" 'x  y'")
    t.check(out == "a;b|c&d x  y\nexit status: 0\n", f"quoted CMD: printed {out!r}")
    t.check(rc == 0, f"quoted CMD: exited {rc}")

    out, rc = make_run(t, "echo bye; exit 3")
    t.check(out == "bye\nexit status: 3\n", f"CMD='echo bye; exit 3' printed {out!r}")
    t.check(rc != 0, "make run exited 0 although the command's status was 3")

    out, rc = make_run(t, "nosuchcmd")
    t.check(out == "sh: nosuchcmd: not found\nexit status: 127\n",
            f"CMD=nosuchcmd printed {out!r}")
    t.check(rc != 0, "make run exited 0 although the command was not found")

    # Byte for byte: make expands nothing ($5, $(HOME)), and backslashes,
    # both quotes and a newline inside single quotes reach sh unchanged.
    text = "price$5 a$(HOME)b \\ \\\\n \" x\ny"
    out, rc = make_run(t, f"echo '{text}'")
    t.check(out == text + "\nexit status: 0\n", f"CMD=echo '{text!r}' printed {out!r}")

    # A command longer than the kernel's command line (1,023 bytes as hex,
    # 600 bytes here) runs whole, and sched=prio after it still applies.
    words = " ".join(f"w{i:03d}" + "x" * 40 for i in range(14))
    cmd = f"echo {words}; echo end"
    t.check(len(cmd) > 600, "the long command is not long")
    klog = os.path.join(BUILD, "tests", "user", "make_run-long.klog")
    out, rc = make_run(t, cmd, BOOTARGS="sched=prio", RUN_LOG=klog)
    t.check(out == words + "\nend\nexit status: 0\n",
            f"a {len(cmd)}-byte CMD printed {out[:80]!r}...")
    with open(klog, errors="replace") as f:
        log = f.read()
    t.expect(r"^sched: policy prio$", log, what="sched=prio after a long CMD was dropped")

    # Run through the command line, a cut run= is refused: nothing runs.
    r = t.boot(args=f"poweroff run={cmd.encode().hex()} sched=prio", timeout=20,
               initrd=os.path.join(BUILD, "initramfs.cpio"))
    t.expect(r"^cmdline: too long \(over 1023 bytes\): the rest was dropped$", r.out)
    t.expect(r"^run: the kernel command line was cut; refusing to run any of the command$", r.out)
    t.absent(r"w000", r.out, what="part of a cut command ran")
    r = t.boot(args="poweroff run=6563686f2", timeout=20,
               initrd=os.path.join(BUILD, "initramfs.cpio"))
    t.expect(r"^run: run= is not a hex string; refusing to run any of the command$", r.out)
