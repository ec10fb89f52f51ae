"""The kernel's one-line reports for the attacks of issue 10: an unmasked
x87 divide by zero is killed as an x87 floating-point error naming the
cause (CR0.NE; QEMU used to abort), an iret into virtual-8086 mode is
killed as such (the kernel used to panic), and when memory runs out the
largest process is killed for the one that faulted, with a report naming
both. The in-guest tests faults and oom_victim must pass too."""
import re
import subprocess


def qemu_major():
    out = subprocess.run(["qemu-system-i386", "--version"], capture_output=True, text=True).stdout
    m = re.search(r"version (\d+)\.", out)
    return int(m.group(1)) if m else 0

TESTS = "faults oom_victim"


def results(t):
    out = t.run_cmd(f"runtests {TESTS}", timeout=120).out
    res = []
    for name in TESTS.split():
        m = re.search(rf"^utest {name}: (PASS|FAIL) \((.*)\)$", out, re.M)
        res.append((name, bool(m and m.group(1) == "PASS"),
                    m.group(0) if m else "did not finish"
                    + (": kernel panic" if "panic:" in out else "")))
    x87 = re.search(r"^pid \d+ \(faults\): x87 floating-point error \(divide by zero\) at eip "
                    r"0x[0-9a-f]+, address 0x[0-9a-f]+: killed$", out, re.M)
    res.append(("x87-report", bool(x87), "no x87 divide-by-zero report from faults"))
    v86 = re.search(r"^pid \d+ \(faults\): virtual-8086 mode at eip 0x[0-9a-f]+, "
                    r"address 0x[0-9a-f]+: killed$", out, re.M)
    # QEMU 7 and 8 (Debian 12) enter virtual-8086 mode on that iret, as no
    # real CPU does at CPL 3; QEMU 10 (Debian 13) refuses, like hardware,
    # and the null %cs faults instead: then the report cannot be asked for,
    # but the program must still die (the faults test) and the kernel live.
    res.append(("v86-report", bool(v86) or qemu_major() >= 10,
                "no virtual-8086 mode report from faults"))
    oom = re.search(r"^out of memory: killed pid (\d+) \(oom_victim\), the largest process "
                    r"\((\d+) pages\), for pid (\d+) \(oom_victim\)$", out, re.M)
    res.append(("oom-victim-report", bool(oom and oom.group(1) != oom.group(3)
                                          and int(oom.group(2)) > 1000),
                oom.group(0) if oom else "no 'out of memory: killed pid ...' report"))
    res.append(("no-panic", "panic:" not in out and "assertion failed" not in out,
                "the kernel panicked or QEMU aborted"))
    return res
