"""The memory tests at QEMU -m 16 (14 MiB free): exhaustion (fork, exec and
sbrk return -1; a lazy fault with no frame kills only the faulter, with
"out of memory"), leak checks with memory nearly gone, the rest of the
virtual-memory suite, the file system filling memory (files_oom: writes stop
short at the reserve, processes still run) and its leak test, and a fuzzer
run; no panic, full recovery. Each
in-guest test is its own result."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _guest import parse  # noqa: E402

TESTS = ("vm_oom leak_oom leak_forkbomb leak_fork leak_exec leak_cow vm_heap vm_stack "
         "vm_cow vm_lazy vm_isolation hostile_ptr hostile_args hostile_span "
         "files_oom files_leak files_calls")


def results(t):
    r = t.run_cmd(f"runtests {TESTS}; fuzz 2 2000", mem=16, timeout=180)
    out = r.out
    results = parse(out, 1, TESTS.split())
    results = [r for r in results if r[0] != "no-panic"]
    m = re.search(r"^fuzz: (ok|FAILED): .*$", out, re.M)
    results.append(("fuzz", bool(m and m.group(1) == "ok"),
                    m.group(0) if m else "the fuzzer did not print its verdict"))
    # vm_oom's four lazy-fault episodes each end in the kernel's report.
    ooms = re.findall(r"^pid \d+ \(vm_oom\): out of memory at eip 0x[0-9a-f]+, "
                      r"address 0x[0-9a-f]+: killed$", out, re.M)
    results.append(("oom-reports", len(ooms) >= 4, f"{len(ooms)} 'out of memory' kill reports "
                                                    "from vm_oom (expected at least 4)"))
    # vm_isolation's victims: one line each, in the documented form.
    null = re.search(r"^pid \d+ \(vm_isolation\): page fault \(write\) at eip 0x[0-9a-f]+, "
                     r"address 0x00000000: killed$", out, re.M)
    gpf = re.search(r"^pid \d+ \(vm_isolation\): general protection fault at eip "
                    r"0x[0-9a-f]+, address 0x[0-9a-f]+: killed$", out, re.M)
    results.append(("kill-reports", bool(null and gpf),
                    "no report of vm_isolation's NULL write or of its port access"))
    results.append(("no-panic", "panic:" not in out, "the kernel panicked"))
    return results
