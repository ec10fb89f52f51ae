"""tools/bench-xv6.sh refuses bad input with a clear error and exit status 2:
no argument (a usage line), and a directory that is not an xv6-public
checkout. (Measuring xv6 needs a checkout, which the tree does not hold;
docs/performance.md says how its column was made.)"""
import subprocess


def status(args):
    p = subprocess.run(["sh", "tools/bench-xv6.sh"] + args, capture_output=True, text=True, timeout=30)
    return p.returncode, p.stdout + p.stderr


def run(t):
    code, out = status([])
    t.check(code == 2, f"no argument: exit status 2, got {code}")
    t.expect(r"^usage: tools/bench-xv6.sh XV6_DIR", out, "the usage line")
    code, out = status(["kernel"])
    t.check(code == 2, f"not an xv6 checkout: exit status 2, got {code}")
    t.expect(r"kernel is not an xv6-public checkout", out, "the reason")
