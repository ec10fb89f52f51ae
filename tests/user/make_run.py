"""`make run CMD=...` through make itself: `echo hi` prints exactly
"hi\\nexit status: 0\\n" on standard output (the kernel log goes elsewhere)
and make exits 0; CMD reaches the shell intact (quotes, ';', '|', '&');
a failing command (exit 3, a missing program) makes make exit non-zero
after printing its status."""
import os
import subprocess

BUILD = os.environ.get("BUILD", "build")


def make_run(t, cmd):
    """Runs `make -s run CMD=cmd`; returns (stdout, returncode)."""
    argv = ["make", "-s", "run", f"CMD={cmd}"]
    if BUILD != "build":
        argv.append(f"BUILD={BUILD}")
    t.log.append(" ".join(argv))
    p = subprocess.run(argv, capture_output=True, text=True, timeout=120,
                       stdin=subprocess.DEVNULL)
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
