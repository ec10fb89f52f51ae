"""Source-level debugging works: GDB, set up by tools/gdbinit.tmpl, stops at
kmain through a hardware breakpoint, shows the source, and the kinfo/ksyms
helpers (tools/gdb/orchard.py) read the kernel's state."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _gdb import check_listing, gdb_session, kernel_syms, section  # noqa: E402

MULTIBOOT_MAGIC = 0x2BADB002


def run(t):
    # nm's view of the kernel, to check ksyms against.
    syms = kernel_syms()
    # A GCC clone ("foo.constprop.0"), if this build has one: GDB alone
    # would drop the ".0" that the kernel's panic backtrace prints.
    clone = next((n for n in sorted(syms) if "." in n), None)
    steps = [
        "hbreak selftest_run",
        "echo @@kmain\\n", "continue", "bt", "p/x magic", "info source", "list",
        "echo @@kinfo0\\n", "kinfo",
        "echo @@selftest\\n", "continue",
        "echo @@kinfo1\\n", "kinfo",
        "echo @@ksyms\\n", "ksyms $pc", "ksyms selftest_run+5",
        f"ksyms {syms[clone]:#x}" if clone else "echo (no clone)\\n",
        "echo @@end\\n",
    ]
    # After GDB detaches, the kernel must run on to its power-off, proving
    # the stop left it intact.
    out, serial = gdb_session(t, steps, timeout=15, args="test=boot poweroff")

    t.expect(r"^type 'continue' to run to kmain$", out, what="the template's hint is printed")
    t.expect(r"^Hardware assisted breakpoint 1 at 0xc01[0-9a-f]{5}: file kernel/core/main\.c",
             out, what="the template sets a hardware breakpoint at kmain")

    # 1. Stopped at kmain, with the Multiboot magic as its first argument.
    at = section(out, "kmain")
    m = t.expect(r"^(?:Thread \d+ hit )?Breakpoint 1, kmain \(magic=(\w+), info_phys=(\w+)\) at kernel/core/main\.c:(\d+)$",
                 at, what="GDB did not stop at kmain")
    t.check(int(m.group(1), 0) == MULTIBOOT_MAGIC, f"magic={m.group(1)} is not 0x2badb002")
    t.expect(r"^\$1 = 0x2badb002$", at, what="p/x magic should print 0x2badb002")
    stop_line = int(m.group(3))
    t.expect(r"^#0\s+kmain \(magic=.*\) at kernel/core/main\.c:\d+$", at,
             what="backtrace frame #0 should be kmain in kernel/core/main.c")
    t.expect(r"^Current source file is kernel/core/main\.c$", at)

    # `list` must show main.c's real lines around the stop: compare each
    # listed line with the file itself.
    listed, source = check_listing(t, at, "kernel/core/main.c", "`list`")
    t.check(any(n == stop_line for n, _ in listed), "`list` does not show the stop line")
    t.check("kmain" in source[stop_line - 1] or
            any("kmain" in source[i] for i in range(max(0, stop_line - 4), stop_line)),
            "the stop line is not in kmain")

    # 2. kinfo at kmain: nothing set up yet (.bss is zero).
    k0 = section(out, "kinfo0")
    t.expect(r"^ticks 0$", k0, what="kinfo at kmain should report 0 ticks")
    t.expect(r"^free frames 0 \(0 KiB\)$", k0, what="kinfo at kmain should report 0 free frames")

    # 3. At selftest_run memory is set up: kinfo sees the free frames.
    st = section(out, "selftest")
    t.expect(r'^(?:Thread \d+ hit )?Breakpoint 2, selftest_run \(name=0x[0-9a-f]+ .*"boot"\) at kernel/core/selftest\.c:\d+$',
             st, what="GDB did not stop at selftest_run")
    k1 = section(out, "kinfo1")
    m = t.expect(r"^ticks (\d+)$", k1, what="kinfo at selftest_run prints ticks")
    t.check(int(m.group(1)) < 100, f"{m.group(1)} ticks before the first self-test is implausible")
    m = t.expect(r"^free frames (\d+) \((\d+) KiB\)$", k1, what="kinfo at selftest_run prints frames")
    nfree = int(m.group(1))
    t.check(int(m.group(2)) == nfree * 4, "KiB should be 4 times the frame count")
    t.check(16 * 256 < nfree < 32 * 256, f"{nfree} free frames is implausible with 32 MiB")
    m = t.expect(r"^memory: .* (\d+) KiB free", serial,
                 what="the kernel ran on after GDB detached and printed its memory line")
    t.check(nfree * 4 <= int(m.group(1)), "kinfo reports more free memory than the kernel had")
    t.expect(r"^selftest: boot ok$", serial, what="the kernel ran on to its self-test after GDB detached")

    # 4. ksyms names the function holding an address; compare with nm's.
    addr = syms.get("selftest_run")
    t.check(addr is not None, "selftest_run is missing from kernel.sym")
    ks = section(out, "ksyms")
    t.expect(rf"^{addr:#010x} is in selftest_run\+0x0 \(kernel/core/selftest\.c:\d+\)$", ks,
             what="ksyms $pc should name selftest_run")
    t.expect(rf"^{addr + 5:#010x} is in selftest_run\+0x5\b", ks,
             what="ksyms selftest_run+5 should say selftest_run+0x5")
    if clone:
        t.expect(rf"^{syms[clone]:#010x} is in {re.escape(clone)}\+0x0 ", ks,
                 what=f"ksyms should name the clone {clone} as nm and the panic do")
