"""Kernel stacks have guard pages: test=stackoverflow starts a process
that recurses on its kernel stack without end. The stack runs into the
unmapped page below it, the page fault cannot be delivered on that stack,
and the double fault, taken through its task gate on a stack of its own,
panics cleanly naming the process (pid and name), the stack pointer in
the guard page, and where it was. No triple fault (QEMU would reset: with
-no-reboot it exits without the kernel's power-off line); at 1 and 2 CPUs."""
import re


def run(t):
    for cpus in ("1", "2"):
        r = t.boot(args="test=stackoverflow poweroff", extra=("-smp", cpus))
        out = r.out
        m = t.expect(r"^selftest: stackoverflow: recursing on the kernel stack of pid (\d+) \(overflow\)$",
                     out, what=f"CPUS={cpus}: the self-test's process started")
        pid = m.group(1)
        m = t.expect(rf"^panic: kernel stack overflow in pid {pid} \(overflow\): esp (0x[0-9a-f]+) is in "
                     r"the guard page below its kernel stack \(eip (0x[0-9a-f]+)\)$", out,
                     what=f"CPUS={cpus}: the double fault's panic names the process and the guard page")
        esp = int(m.group(1), 16)
        t.check(0xF0000000 <= esp < 0xF0800000 and (esp - 0xF0000000) // 4096 % 2 == 0,
                f"CPUS={cpus}: esp {esp:#x} is a guard page of the kernel-stack area (docs/memory.md)")
        t.expect(r"^kernel: powering off\.$", out,
                 what=f"CPUS={cpus}: the panic ends in a clean power-off, not a triple fault")
