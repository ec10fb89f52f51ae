"""The instructor's round trip: tools/striplab.py --all turns the reference
tree into the students' starting point, which builds (warnings as errors),
boots and passes the process suite under every stub policy, while
`make grade` fails for every one of the five labs; the markers are well
formed. (tests/labs/grade_reference.py: the reference gets full marks.)"""
import os
import re
import shutil
import subprocess

slow = True
LABS = ("syscall", "prio", "mlfq", "lottery", "stride")


def run(t):
    t.sh("python3 tools/striplab.py --check")
    out = os.path.join("build", "tests", "labs", "student")
    shutil.rmtree(out, ignore_errors=True)
    t.sh(f"python3 tools/striplab.py --all {out}")
    for f, ref in (("kernel/proc/sched_prio.c", "highest_ready"),
                   ("kernel/proc/sched_lottery.c", "random_below"),
                   ("kernel/abi/syscalls.h", "schedstat")):
        t.check(ref not in open(os.path.join(out, f)).read(), f"{f}: the reference code is gone")
    t.sh(f"make -s -C {out} -j2", timeout=900)
    # It boots, and the process suite passes, under each stub policy.
    for policy in ("rr", "prio", "mlfq", "lottery", "stride"):
        cmd = "runtests fork_basic wait_status; ps -s"
        r = t.boot(kernel=f"{out}/build/kernel.elf", initrd=f"{out}/build/initramfs.cpio", mem=64,
                   args=f"poweroff sched={policy} run={cmd.encode().hex()}", timeout=60,
                   until=r"^exit status: -?\d+$")
        t.expect(rf"^sched: policy {policy}$", r.out, f"the student tree to boot with sched={policy}")
        t.expect(r"^utest summary: \d+ passed, 0 failed$", r.out,
                 f"fork and wait to work under the {policy} starting point")
    # Every lab's grader fails there, with a score below full marks.
    for lab in LABS:
        p = subprocess.run(["python3", "tools/grade.py", lab], cwd=out, capture_output=True,
                           text=True, timeout=600)
        t.out += f"\n$ make grade LAB={lab}  (student tree)\n" + p.stdout + p.stderr
        m = re.search(r"^Score: (\d+)/(\d+)$", p.stdout, re.M)
        t.check(m and int(m.group(1)) < int(m.group(2)) and p.returncode != 0,
                f"make grade LAB={lab} to fail on the starting point")
        t.check(re.search(r"^  FAIL  ", p.stdout, re.M), f"LAB={lab}: a FAIL line saying what was expected")
