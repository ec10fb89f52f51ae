"""make grade on the reference solutions: full marks and exit status 0 for
every lab (the other half of tests/labs/strip_roundtrip.py)."""
import re
import subprocess

slow = True


def run(t):
    for lab in ("syscall", "prio", "mlfq", "lottery", "stride"):
        p = subprocess.run(["python3", "tools/grade.py", lab], capture_output=True, text=True,
                           timeout=600)
        t.out += f"\n$ make grade LAB={lab}\n" + p.stdout + p.stderr
        m = re.search(r"^Score: (\d+)/(\d+)$", p.stdout, re.M)
        t.check(m and m.group(1) == m.group(2) and p.returncode == 0,
                f"full marks for the reference {lab}")
        t.check(not re.search(r"^  FAIL", p.stdout, re.M), f"no FAIL line for {lab}")
