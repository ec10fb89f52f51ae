"""GDB's process helpers work: kps lists the process table (init, sh, two
blocked sleepers, the running ps), kproc walks a sleeping process's saved
context into a symbolized kernel backtrace, and kuser loads a user program's
symbols so that a breakpoint in user code stops there with its source."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _gdb import BUILD, check_listing, gdb_session, kernel_syms, section  # noqa: E402

# Two sleepers in the background, then ps (whose getprocs is where GDB
# stops), then a third sleep run in the foreground: its main is where the
# user-level breakpoint fires.
COMMAND = "sleep 200 > /tmp/s & sleep 300 & ps; sleep 50"

# kps's rows: mark, slot, pid, ppid, state, ticks, name, saved eip,
# waiting in, function (empty for the running process).
ROW = re.compile(r"^([* ]) +(\d+|idle) +(\d+) +(\d+) +(\S+) +(\d+) +(\S+) +(0x[0-9a-f]{8}|-) +(\S+) *(\S*)$",
                 re.M)


def check_symbolized(t, syms, addr, where, what):
    """WHERE is 'name+0xOFF ...' for ADDR: nm must agree."""
    m = re.match(r"([\w.]+)\+(0x[0-9a-f]+)", where)
    t.check(m is not None, f"{what}: {where!r} is not name+offset")
    name, off = m.group(1), int(m.group(2), 16)
    t.check(name in syms, f"{what}: {name} is not a kernel function")
    t.check(syms[name] + off == addr, f"{what}: {name}+{off:#x} is not {addr:#x}")
    return name


def run(t):
    syms = kernel_syms()
    steps = [
        "echo @@kmain\\n", "continue", "kps",
        # ps's getprocs: both sleepers exist and are blocked by then. (sh
        # calls getprocs too, to reap its background jobs.)
        'hbreak sys_getprocs if $_streq(cpus[0].proc->name, "ps")',
        "echo @@stop\\n", "continue",
        "echo @@kps\\n", "kps",
        "echo @@kproc3\\n", "kproc 3",
        "echo @@kproc4\\n", "kproc 4",
        "echo @@kproc1\\n", "kproc 1",
        "echo @@kproc5\\n", "kproc 5",
        "echo @@kuser\\n", "kuser sh", "info line main", "list main", "kuser sh",
        # A breakpoint in user code: the next process to run sleep's
        # main is `sleep 50`. The condition keeps sh, whose code sits
        # at the same addresses, from stopping there.
        "echo @@ubreak\\n", "delete",
        "kuser sleep",
        'hbreak user/sleep.c:main if $_streq(cpus[0].proc->name, "sleep")',
        "continue", "p argv[1]", "bt",
        "echo @@kps2\\n", "kps",
        "echo @@kuser2\\n", "kuser", "kuser -", "kuser",
        "echo @@errors\\n", "kproc 99", "kuser nosuchprogram",
        "echo @@end\\n",
    ]
    # GDB's output as one stream, so that error messages land in their
    # section. Detached, the kernel runs on: sleep 50 ends, sh exits, init
    # reports and powers off.
    out, serial = gdb_session(t, steps, timeout=20, one_stream=True,
                              args=f"poweroff run={COMMAND.encode().hex()}",
                              initrd=os.path.join(BUILD, "initramfs.cpio"))

    # 1. At kmain nothing runs yet: no rows but idle's, and kps says so.
    k0 = section(out, "kmain")
    t.expect(r"^(?:Thread \d+ hit )?Breakpoint 1, kmain ", k0, what="GDB did not stop at kmain")
    t.expect(r"^\(no process runs yet", k0, what="kps at kmain should say no process runs yet")
    t.check(all(r[1] == "idle" for r in ROW.findall(k0)), "kps at kmain listed processes")

    # 2. Stopped in ps's getprocs.
    t.expect(r"^(?:Thread \d+ hit )?Breakpoint 2, sys_getprocs \(", section(out, "stop"),
             what="GDB did not stop at sys_getprocs (ps)")

    # 3. kps: init, sh, two blocked sleepers, ps running.
    rows = {}
    for mark, slot, pid, ppid, state, ticks, name, eip, wait, func in ROW.findall(section(out, "kps")):
        rows[int(pid)] = dict(mark=mark, slot=slot, ppid=int(ppid), state=state, name=name,
                              eip=eip, wait=wait, func=func)
    t.check(rows.get(1, {}).get("name") == "init", f"kps should list init as pid 1: {rows}")
    t.check(rows[1]["state"] == "blocked" and rows[1]["wait"] == "proc_wait",
            "init should be blocked in proc_wait")
    sh = [pid for pid, r in rows.items() if r["name"] == "sh"]
    t.check(len(sh) == 1 and rows[sh[0]]["ppid"] == 1, "kps should list one sh, a child of init")
    sleepers = sorted(pid for pid, r in rows.items() if r["name"] == "sleep")
    t.check(sleepers == [3, 4], f"kps should list the two sleep processes as pids 3 and 4: {sleepers}")
    for pid in sleepers:
        r = rows[pid]
        t.check(r["ppid"] == sh[0], f"sleep {pid} should be a child of sh")
        t.check(r["state"] == "blocked", f"sleep {pid} should be blocked, kps says {r['state']}")
        t.check(r["mark"] == " ", f"sleep {pid} is marked running")
        t.check(r["wait"] == "sleep_ticks", f"sleep {pid} should wait in sleep_ticks, not {r['wait']}")
        name = check_symbolized(t, syms, int(r["eip"], 16), r["func"], f"sleep {pid}'s saved eip")
        t.check(name.split(".")[0] in ("schedule", "sched_block", "arch_switch"),
                f"sleep {pid}'s saved eip should be on the switch path, not in {name}")
    running = [pid for pid, r in rows.items() if r["mark"] == "*"]
    t.check(running == [5] and rows[5]["name"] == "ps" and rows[5]["state"] == "running",
            f"ps (pid 5) should be the one running process: {running}")
    t.check(rows.get(0, {}).get("slot") == "idle" and rows[0]["state"] == "idle",
            "kps should end with the idle process, not running")

    # 4. kproc of a sleeper: its context and the chain down to the trap.
    for pid in sleepers:
        kp = section(out, f"kproc{pid}")
        t.expect(rf"^pid {pid} \(sleep\), slot {rows[pid]['slot']}, blocked, parent {sh[0]}, ", kp,
                 what=f"kproc {pid} should describe the sleep process")
        for reg in ("edi", "esi", "ebx", "ebp"):
            t.expect(rf"^  {reg} 0x[0-9a-f]{{8}}$", kp, what=f"kproc {pid} should print {reg}")
        t.expect(rf"^  eip {rows[pid]['eip']}  {re.escape(rows[pid]['func'])} ", kp,
                 what=f"kproc {pid}'s saved eip should be kps's")
        frames = re.findall(r"^  #(\d+) +(0x[0-9a-f]{8}) in (\S+)", kp, re.M)
        names = [check_symbolized(t, syms, int(a, 16), w, f"kproc {pid} frame #{n}").split(".")[0]
                 for n, a, w in frames]
        t.check([int(n) for n, _, _ in frames] == list(range(len(frames))),
                f"kproc {pid}: frames are not numbered #0, #1, ...")
        for expected in ("sleep_ticks", "syscall_dispatch", "trap", "trap_common"):
            t.check(expected in names, f"kproc {pid}'s backtrace {names} lacks {expected}")
        t.check(names[0] in ("schedule", "sched_block", "arch_switch"),
                f"kproc {pid}'s backtrace should start on the switch path: {names}")
        t.check(names.index("sleep_ticks") < names.index("syscall_dispatch") < names.index("trap_common"),
                f"kproc {pid}'s backtrace is out of order: {names}")
        t.check(names[-1] == "trap_common", f"kproc {pid} should end at trap_common: {names}")
        t.expect(r"^  -- from user mode: eip 0x004[0-9a-f]{5}", kp,
                 what=f"kproc {pid} should show the user eip from the trapframe")
    # kproc lists open files: the first sleeper's output goes to /tmp/s.
    kps_files = [section(out, f"kproc{pid}") for pid in sleepers]
    t.check(any(re.search(r"^  fd 1: file w /tmp/s @0$", kp, re.M) for kp in kps_files),
            "kproc should show a sleeper's fd 1 as the file /tmp/s at offset 0")
    t.check(all(re.search(r"^cwd /$", kp, re.M) and re.search(r"^  fd 0: console rw$", kp, re.M)
                for kp in kps_files), "kproc should show each sleeper's cwd / and fd 0 console")
    t.check("proc_wait" in section(out, "kproc1"), "kproc 1 (init) should show proc_wait")
    kp5 = section(out, "kproc5")
    t.expect(r"^running now", kp5, what="kproc 5 (ps) should say it is running")
    t.expect(r"^#0 +sys_getprocs ", kp5, what="kproc of the running process should run bt")
    t.expect(r"^  -- from user mode: eip 0x004[0-9a-f]{5}", kp5,
             what="kproc of the running process should show where it entered the kernel")

    # 5. kuser: sh's symbols and source.
    ku = section(out, "kuser")
    t.expect(rf"^loaded the symbols of \S*{re.escape(BUILD)}/user/sh$", ku, what="kuser sh should load")
    t.expect(r'^Line \d+ of "user/sh\.c" starts at address 0x4[0-9a-f]{5} <main', ku,
             what="after kuser sh, main should be sh's main in user/sh.c")
    listed, _ = check_listing(t, ku, "user/sh.c", "`list main`")
    t.check(any("int main(" in text for _, text in listed), "`list main` should show sh's main")
    t.expect(r"symbols already loaded$", ku, what="kuser sh twice should not load it twice")

    # 6. A user breakpoint stops `sleep 50` in main, with its arguments.
    ub = section(out, "ubreak")
    t.expect(rf"^unloaded the symbols of \S*{re.escape(BUILD)}/user/sh$", ub,
             what="kuser sleep should first drop sh's symbols (same addresses)")
    t.expect(r"^Hardware assisted breakpoint \d+ at 0x4[0-9a-f]{5}: file user/sleep\.c, line \d+\.$", ub,
             what="the breakpoint should be placed in user/sleep.c")
    t.expect(r"^(?:Thread \d+ hit )?Breakpoint \d+, main \(argc=2, argv=0x[0-9a-f]+\) at user/sleep\.c:\d+$", ub,
             what="the hbreak at sleep's main should stop in user/sleep.c")
    t.expect(r'^\$\d+ = 0x[0-9a-f]+ "50"$', ub, what='p argv[1] should print "50"')
    t.expect(r"^#0 +main \(argc=2", ub, what="bt in user code should start at main")
    rows2 = {int(r[2]): r for r in ROW.findall(section(out, "kps2"))}
    t.check(rows2.get(6, ("",))[0] == "*" and rows2[6][6] == "sleep",
            "at the user breakpoint kps should mark sleep pid 6 as running")

    k2 = section(out, "kuser2")
    t.expect(rf"^user symbols loaded: \S*{re.escape(BUILD)}/user/sleep$", k2,
             what="kuser alone should name the loaded program")
    t.expect(r"^user symbols loaded: none$", k2, what="kuser - should unload it")

    # 7. Mistakes are reported, not tracebacks.
    er = section(out, "errors")
    t.expect(r"no process with pid 99", er, what="kproc 99 should say there is no such process")
    t.expect(r"kuser: no \S*user/nosuchprogram", er, what="kuser of a missing program should say so")
    t.absent(r"Traceback|Python Exception", out, what="a helper raised a Python exception")

    # 8. GDB changed nothing: ps saw the same processes, and the run ended.
    for pid in (1, sh[0], 3, 4, 5):
        t.expect(rf"^{pid} +\d+ +\S+ +(?:\d+|-) +\d+ +{rows[pid]['name']}$", serial,
                 what=f"ps should list pid {pid} as kps did")
    t.expect(r"^exit status: 0$", serial, what="the run should finish after GDB detached")
