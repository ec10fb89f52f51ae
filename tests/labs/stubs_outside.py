"""The labs' starting points live outside the kernel's sources: the
reference tree (kernel/, user/, boot/) holds no commented-out code (a
`// ` line ending in ; { or }), every LAB region is just BEGIN/END around
the reference with its stub under labs/NAME/, and every stub has its
region (striplab.py --check)."""
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMENTED_CODE = re.compile(r"^\s*// .*[;{}]\s*$")


def run(t):
    p = subprocess.run(["python3", "tools/striplab.py", "--check"], cwd=ROOT, capture_output=True,
                       text=True)
    t.out += p.stdout + p.stderr
    t.check(p.returncode == 0, "striplab.py --check: regions and stubs paired")
    found = []
    for top in ("kernel", "user", "boot"):
        for dirpath, _, files in os.walk(os.path.join(ROOT, top)):
            for f in files:
                if f.endswith((".c", ".h", ".S")):
                    path = os.path.join(dirpath, f)
                    for n, line in enumerate(open(path, errors="replace"), 1):
                        if COMMENTED_CODE.match(line):
                            found.append(f"{os.path.relpath(path, ROOT)}:{n}: {line.strip()}")
    t.out += "\n".join(found)
    t.check(not found, f"no commented-out code in the reference: {len(found)} lines, "
                       f"e.g. {found[:3]}")
    t.check(os.path.isfile(os.path.join(ROOT, "labs/mlfq/kernel/proc/sched_mlfq.c")),
            "mlfq's starting point under labs/")
