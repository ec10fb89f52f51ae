"""Console input is never dropped (issue 10): more input than the console
holds, sent while nobody reads, all arrives, and so does the end of file
after it. The issue's reproducer, through make itself:
`printf 'ab\\n%.0s' {1..200} | make run CMD="sleep 30; cat"` prints the 200
lines and ends (it used to lose most lines and the ^D, and time out).
Also 5,000 bytes of lines into `sleep 100; cat`, more than the console's
ring and the UART together, arrive in order."""
import os
import subprocess

BUILD = os.environ.get("BUILD", "build")


def make_run(t, cmd, data):
    argv = ["make", "-s", "run", f"CMD={cmd}", "RUN_TIMEOUT=60"]
    if BUILD != "build":
        argv.append(f"BUILD={BUILD}")
    t.log.append(" ".join(argv))
    p = subprocess.run(argv, input=data, capture_output=True, timeout=120)
    return p.stdout.decode("latin-1"), p.returncode


def run(t):
    t.sh("make -s all >/dev/null")
    out, rc = make_run(t, "sleep 30; cat", b"ab\n" * 200)
    t.out += f"--- sleep 30; cat: exit {rc}, {len(out)} bytes\n{out[-200:]}\n"
    t.check(out == "ab\n" * 200 + "exit status: 0\n",
            f"expected 200 lines 'ab' and exit status 0, got {len(out)} bytes ending {out[-80:]!r}")
    t.check(rc == 0, f"make run exited {rc}")

    data = "".join(f"line {i:04d} {'x' * 40}\n" for i in range(100)).encode()
    out, rc = make_run(t, "sleep 100; cat", data)
    t.out += f"--- sleep 100; cat: exit {rc}, {len(out)} bytes\n"
    t.check(out == data.decode() + "exit status: 0\n",
            f"{len(data)} bytes sent, {len(out)} came back: {out[:200]!r}...")
