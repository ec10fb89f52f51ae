"""GDB helpers for the Orchard kernel, loaded by tools/gdbinit.tmpl.

Commands:
    kinfo        timer ticks and free physical frames
    kps          the process table (pid, state, name, saved eip, ...)
    kproc PID    one process: saved context and kernel backtrace
    kcpus        each CPU: what it runs, the locks it holds, its ready queue
    kuser NAME   load build/user/NAME's symbols (user-level debugging)
    ksyms ADDR   the function containing ADDR (any GDB expression)
    orchard      list these commands

Adding a command: write a function taking the argument string, decorate it
with @command("name"), and give it a docstring (its first line is the
one-line help). Read kernel variables with kvar(); raise gdb.GdbError for a
clean error message. Example:

    @command("kfoo")
    def kfoo(arg):
        '''Print foo.'''
        print(kvar("foo", "foo.c"))
"""
import os

import gdb

FRAME_SIZE = 4096          # kernel/mm/frame.h: one physical page

_commands = {}             # name -> function, for `orchard`


def command(name):
    """Registers fn(arg_string) as GDB command NAME; its docstring is the help."""
    def register(fn):
        doc = (fn.__doc__ or name).strip()

        class _Cmd(gdb.Command):
            __doc__ = doc

            def __init__(self):
                super().__init__(name, gdb.COMMAND_USER)

            def invoke(self, arg, from_tty):
                # GDB's own errors (no symbol, memory not mapped yet) become
                # one tidy message instead of a Python traceback.
                try:
                    fn(arg)
                except gdb.error as e:
                    raise gdb.GdbError(f"{name}: {e}")

        _Cmd()
        _commands[name] = fn
        return fn
    return register


def kvar(name, file=None):
    """The value of kernel variable NAME; FILE names the source file of a
    static (e.g. "clock.c"), so a static with a common name is never
    confused with another file's."""
    return gdb.parse_and_eval(f"'{file}'::{name}" if file else name)


def parse_addr(arg):
    """ARG is any GDB expression (0xc0101234, $pc, kmain+16, $eip - 4)."""
    if not arg.strip():
        raise gdb.GdbError("an address is required, e.g. ksyms $pc")
    return int(gdb.parse_and_eval(arg).cast(gdb.lookup_type("unsigned int")))


_nm_cache = {}             # path of an nm listing -> (mtime, {address: [names]})


def nm_names(path):
    """{address: [names]} from an `nm -n` listing such as build/kernel.sym
    (the Makefile writes it next to kernel.elf); {} if there is none."""
    try:
        mtime = os.path.getmtime(path)
    except OSError:
        return {}
    cached = _nm_cache.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    names = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                names.setdefault(int(parts[0], 16), []).append(parts[2])
    _nm_cache[path] = (mtime, names)
    return names


def full_name(name, start):
    """GDB shows GCC's clones without their number ("fault_here.constprop"
    for "fault_here.constprop.0"); the kernel's panic backtrace prints the
    full ELF name, so take that from the .sym listing beside each loaded
    ELF file, letting both spell a function the same way."""
    for objfile in gdb.objfiles():
        if not objfile.filename:
            continue
        listing = os.path.splitext(objfile.filename)[0] + ".sym"
        for candidate in nm_names(listing).get(start, []):
            if candidate == name or candidate.startswith(name + "."):
                return candidate
    return name


def symbolize(addr):
    """'func+0xOFF (file:line)' for ADDR, or None when no symbol covers it.

    The ELF symbol table answers, as for the kernel's own panic backtrace
    (tools/mksyms.py builds that from `nm`), so assembly code such as
    entry.S is covered too. The line comes from the debug info."""
    out = gdb.execute(f"info symbol {addr:#x}", to_string=True).strip()
    if out.startswith("No symbol"):
        return None
    # "kmain + 16 in section .text", or "kmain in section .text" at offset 0.
    name, _, off = out.split(" in section")[0].partition(" + ")
    off = int(off or 0)
    text = f"{full_name(name, addr - off)}+{off:#x}"
    sal = gdb.find_pc_line(addr)
    if sal.symtab is not None and sal.line:
        text += f" ({sal.symtab.filename}:{sal.line})"
    return text


@command("kinfo")
def kinfo(arg):
    """Print the kernel's timer ticks and free physical frames."""
    ticks = int(kvar("clock_tick_count"))
    nfree = int(kvar("nfree", "frame.c"))
    print(f"ticks {ticks}")
    print(f"free frames {nfree} ({nfree * FRAME_SIZE // 1024} KiB)")


@command("ksyms")
def ksyms(arg):
    """Print the function containing ADDR: ksyms ADDR (e.g. ksyms $pc)."""
    addr = parse_addr(arg)
    where = symbolize(addr)
    print(f"{addr:#010x} is in {where}" if where else f"{addr:#010x}: no function here")


@command("orchard")
def orchard(arg):
    """List the Orchard GDB commands."""
    for name in sorted(_commands):
        print(f"  {name:10} {(_commands[name].__doc__ or '').strip().splitlines()[0]}")


# ------------------------------------------------------------ processes
#
# The process table is `procs[NPROC]` in kernel/proc/proc.c (a static, so
# it is named with its file); cpus[0].proc is the process on the CPU. A
# process that is not running was stopped inside swtch(), which left its
# callee-saved registers as a struct context on its kernel stack at
# p->context: context->eip is where it resumes (just after the call to
# swtch in arch_switch), context->ebp the frame pointer of that caller, so
# [ebp] / [ebp+4] lead from frame to frame, as in the kernel's own panic
# backtrace (backtrace_from in kernel/arch/x86/machine.c).

STACK_DEPTH = 24            # frames kproc prints at most

# Functions of the switch path itself: the first frame outside them says
# what a blocked process waits for (the WAITING IN column of kps).
SWITCH_PATH = {"swtch", "arch_switch", "schedule", "sched_block", "sched_yield",
               "yield_locked", "waitq_sleep", "sched_trap_exit"}


def u32(addr):
    """The 32-bit word at ADDR, through the CPU's current address space
    (kernel stacks are in the kernel half, mapped in every one)."""
    mem = gdb.selected_inferior().read_memory(addr, 4)
    return int.from_bytes(bytes(mem), "little")


def ptr(value):
    return int(value.cast(gdb.lookup_type("unsigned int")))


def func_name(addr):
    """The bare function name at ADDR ("sched_block" for a clone
    "sched_block.part.0"), or None."""
    out = gdb.execute(f"info symbol {addr:#x}", to_string=True).strip()
    if out.startswith("No symbol"):
        return None
    return out.split(" in section")[0].partition(" + ")[0].split(".")[0]


def symbolize_return(addr):
    """Like symbolize(), for a return address: the call is the instruction
    before it, so the function and line are looked up at ADDR - 1 (a call
    to a noreturn function may be the last instruction of its function),
    while the offset printed stays that of ADDR itself."""
    where = symbolize(addr - 1)
    if where is None:
        return None
    name, _, rest = where.partition("+")
    off, _, line = rest.partition(" ")
    text = f"{name}+{int(off, 16) + 1:#x}"
    return f"{text} {line}" if line else text


def proc_table():
    """[(slot, proc value)] for every slot of procs[] in use."""
    try:
        procs = kvar("procs", "proc.c")
    except gdb.error:
        raise gdb.GdbError("no process table: is build/kernel.elf loaded?")
    lo, hi = procs.type.range()
    return [(i, procs[i]) for i in range(lo, hi + 1) if int(procs[i]["state"]) != 0]


def state_name(p):
    """'blocked', 'ready', ... from the enum; flags appended: 'blocked,susp'."""
    if ptr(p.address) == ptr(idle_proc().address) and running_proc() != ptr(p.address):
        return "idle"             # its state field keeps saying RUNNING
    s = str(p["state"])
    s = s[len("PROC_"):].lower() if s.startswith("PROC_") else s
    if bool(p["suspended"]):
        s += ",susp"
    if bool(p["killed"]):
        s += ",killed"
    return s


def running_proc():
    """The address of the struct proc on the CPU GDB stopped in, or 0."""
    return ptr(kvar("cpus")[gdb_cpu()]["proc"])


def idle_proc():
    return kvar("idle_procs", "proc.c")[gdb_cpu()]   # that CPU's


def proc_stack_ok(p, ebp):
    """Is EBP a plausible frame pointer on P's kernel stack?"""
    if ebp == 0 or ebp & 3:
        return False
    kstack = ptr(p["kstack"])
    if kstack:
        return kstack <= ebp < kstack + 4096 - 8
    return ebp >= 0xC0000000      # the idle process runs on the boot stack


def saved_frames(p):
    """The kernel frames of a process that is not running, innermost first:
    [(return address, frame pointer)], starting at its saved context."""
    ctx = ptr(p["context"])
    if not ctx:
        return []
    eip = u32(ctx + 16)           # struct context: edi esi ebx ebp eip
    ebp = u32(ctx + 12)
    frames = [(eip, ebp)]
    while proc_stack_ok(p, ebp) and len(frames) < STACK_DEPTH:
        ret = u32(ebp + 4)
        if not ret:
            break
        ebp = u32(ebp)
        frames.append((ret, ebp))
    return frames


def describe_frame(i, addr):
    if i == 0:
        # Frame 0 is the saved eip: the instruction after `call swtch`,
        # except for a new process, whose first function starts there.
        where = symbolize(addr)
        if where and not where.split(" ")[0].endswith("+0x0"):
            where = symbolize_return(addr)
    else:
        where = symbolize_return(addr)
    return where or "?? (not a kernel function)"


def waiting_in(frames):
    """The first function on the saved stack outside the switch path."""
    for addr, _ in frames:
        name = func_name(addr - 1)
        if name and name not in SWITCH_PATH:
            return name
    return "-"


@command("kps")
def kps(arg):
    """List the process table: slot, pid, ppid, state, ticks, name, saved eip.

The running process (on the CPU GDB stopped in) is marked with '*'; its saved eip is
stale, so none is shown. SAVED EIP is where a stopped process resumes
(after its call to swtch); WAITING IN is the first function on its kernel
stack outside the switch path (sleep_ticks, proc_wait, console_read...),
and FUNCTION names the saved eip. The last row is the idle process (pid 0,
not in the table), which runs when nothing else is ready."""
    rows = proc_table()
    running = running_proc()
    cpus = kvar("cpus")
    # Processes on the other CPUs run too: their saved context is stale.
    elsewhere = {ptr(cpus[i]["proc"]): i for i in range(int(kvar("ncpu"))) if i != gdb_cpu()}
    print(f"  {'SLOT':>4} {'PID':>5} {'PPID':>5} {'STATE':<14} {'TICKS':>6} {'NAME':<15} "
          f"{'SAVED EIP':<10} {'WAITING IN':<16} FUNCTION")
    idle = idle_proc()
    for slot, p in rows + [("idle", idle)]:
        here = ptr(p.address) == running
        parent = ptr(p["parent"])
        ppid = int(p["parent"].dereference()["pid"]) if parent else 0
        name = p["name"].string(errors="replace")
        if here:
            eip, wait, where = "-", "(running)", ""
        elif ptr(p.address) in elsewhere:
            eip, wait, where = "-", f"(on CPU {elsewhere[ptr(p.address)]})", ""
        elif ptr(p["context"]):
            frames = saved_frames(p)
            eip = f"{frames[0][0]:#010x}"
            wait = waiting_in(frames)
            where = describe_frame(0, frames[0][0]).split(" ")[0]
        else:
            eip, wait, where = "-", "-", ""
        print(f"{'*' if here else ' '} {slot:>4} {int(p['pid']):>5} {ppid:>5} "
              f"{state_name(p):<14} {int(p['ticks']):>6} {name:<15} {eip:<10} {wait:<16} {where}")
    if not running:
        print("(no process runs yet: the scheduler is not started)")


def find_proc(pid):
    """The struct proc with PID (0: the idle process), or an error."""
    if pid == 0:
        return None, idle_proc()
    for slot, p in proc_table():
        if int(p["pid"]) == pid:
            return slot, p
    raise gdb.GdbError(f"kproc: no process with pid {pid} (see kps)")


def gdb_cpu():
    """The index of the CPU GDB stopped in: QEMU's GDB stub shows each CPU
    as a thread, numbered from 1 in CPU order."""
    thread = gdb.selected_thread()
    return thread.num - 1 if thread is not None else 0


def cpu_ready(c, ncpu):
    """CPU c's ready queue length: the core counts it per CPU with several
    CPUs (placement, stealing); with one, every READY process is its."""
    if ncpu > 1:
        return int(c["nready"])
    return sum(1 for _, p in proc_table() if str(p["state"]) == "PROC_READY")


def proc_label(p):
    return f"pid {int(p['pid'])} ({p['name'].string(errors='replace')})"


@command("kcpus")
def kcpus(arg):
    """Each CPU: what it runs, the spinlocks it holds, its ready queue.

RUNS is the process on the CPU (idle when none); LOCKS how many spinlocks
it holds and their names, in the order taken (the lock-order checker's
list, core/spinlock.c); IRQ-OFF its interrupt-disable nesting depth; READY
the processes queued on it; RESCHED whether it switches at its next return
from a trap; BUSY/TICKS its timer's ticks that found it busy, of all. '*'
marks the CPU GDB stopped in (GDB's current thread)."""
    ncpu = int(kvar("ncpu"))
    cpus = kvar("cpus")
    here = gdb_cpu()
    print(f"  {'CPU':>3} {'APIC':>4} {'RUNS':<24} {'LOCKS':<20} {'IRQ-OFF':>7} {'READY':>5} "
          f"{'RESCHED':<7} BUSY/TICKS")
    for i in range(ncpu):
        c = cpus[i]
        proc, idle = ptr(c["proc"]), ptr(c["idle"])
        runs = "-" if not proc else "idle" if proc == idle else proc_label(c["proc"].dereference())
        nheld = int(c["nheld"])
        names = [c["held"][j]["name"].string() for j in range(nheld)]
        locks = f"{nheld}" + (f" ({', '.join(names)})" if names else "")
        print(f"{'*' if i == here else ' '} {i:>3} {int(c['apic_id']):>4} {runs:<24} {locks:<20} "
              f"{int(c['irq_depth']):>7} {cpu_ready(c, ncpu):>5} "
              f"{'yes' if bool(c['need_resched']) else 'no':<7} "
              f"{int(c['busy_ticks'])}/{int(c['ticks'])}")


@command("kproc")
def kproc(arg):
    """Show one process: kproc PID (its open files, saved context and kernel backtrace).

For a process that is not running, prints the struct context swtch()
saved on its kernel stack and walks its frame pointers from there; then,
if it entered the kernel from user mode, its user eip and esp from its
trapframe. For the running process it runs `bt` instead."""
    if not arg.strip():
        raise gdb.GdbError("kproc: which pid? e.g. kproc 1 (kps lists them)")
    pid = int(gdb.parse_and_eval(arg))
    slot, p = find_proc(pid)
    name = p["name"].string(errors="replace")
    parent = ptr(p["parent"])
    ppid = int(p["parent"].dereference()["pid"]) if parent else 0
    kstack = ptr(p["kstack"])
    print(f"pid {pid} ({name}), slot {slot if slot is not None else 'idle'}, "
          f"{state_name(p)}, parent {ppid}, {int(p['ticks'])} ticks")
    if kstack:
        print(f"kernel stack {kstack:#010x}-{kstack + 4096:#010x}, "
              f"trapframe at {ptr(p['tf']):#010x}")
    open_files(p)
    if ptr(p.address) == running_proc():
        print("running now: its registers are the CPU's, so here is GDB's backtrace:")
        gdb.execute("bt")
        if not int(gdb.parse_and_eval("$cs")) & 3:
            user_frame(p)         # in the kernel: its trapframe is current
        return
    ctx = ptr(p["context"])
    if not ctx:
        print("no saved context")
        return
    c = p["context"].dereference()
    print(f"saved context at {ctx:#010x} (struct context, pushed by swtch):")
    for reg in ("edi", "esi", "ebx", "ebp"):
        print(f"  {reg} {ptr(c[reg]):#010x}")
    eip = ptr(c["eip"])
    print(f"  eip {eip:#010x}  {describe_frame(0, eip)}")
    print(f"  esp {ctx + 20:#010x}  (after swtch returns)")
    print("kernel backtrace:")
    frames = saved_frames(p)
    for i, (addr, _) in enumerate(frames):
        print(f"  #{i:<2} {addr:#010x} in {describe_frame(i, addr)}")
    user_frame(p)


FILE_KINDS = {1: "file", 2: "dir", 3: "console", 4: "pipe"}


def open_files(p):
    """P's working directory and open files (kind, mode, path or pipe, offset)."""
    print(f"cwd {p['cwd_path'].string(errors='replace')}")
    files = p["files"]
    for fd in range(int(files.type.range()[1]) + 1):
        f = files[fd]
        if not ptr(f):
            continue
        f = f.dereference()
        kind = FILE_KINDS.get(int(f["type"]), "?")
        mode = ("r" if bool(f["readable"]) else "") + ("w" if bool(f["writable"]) else "")
        where = f" {f['path'].string(errors='replace')} @{int(f['offset'])}" \
            if kind in ("file", "dir") else ""
        print(f"  fd {fd}: {kind} {mode}{where}")


def user_frame(p):
    """Where P entered the kernel from user mode, from its trapframe."""
    if not ptr(p["tf"]) or not ptr(p["kstack"]):
        return
    t = p["tf"].dereference()
    if int(t["cs"]) & 3:
        ueip = ptr(t["eip"])
        where = symbolize(ueip)
        print(f"  -- from user mode: eip {ueip:#010x}"
              f"{' in ' + where if where else ''}, esp {ptr(t['esp']):#010x}"
              f"{'' if where else ' (kuser NAME loads its symbols)'}")


def build_dir():
    """The directory of build/kernel.elf, as GDB loaded it."""
    for objfile in gdb.objfiles():
        if objfile.filename and os.path.basename(objfile.filename) == "kernel.elf":
            return os.path.dirname(objfile.filename)
    return "build"


def user_objfiles():
    """The user programs' symbol files loaded now: those under BUILD/user/."""
    udir = os.path.join(os.path.realpath(build_dir()), "user") + os.sep
    return [o.filename for o in gdb.objfiles()
            if o.filename and os.path.realpath(o.filename).startswith(udir)]


def quietly(command):
    """Runs a GDB command that may ask "(y or n)", answering yes."""
    confirm = gdb.parameter("confirm")
    gdb.execute("set confirm off")
    try:
        gdb.execute(command, to_string=True)
    finally:
        gdb.execute(f"set confirm {'on' if confirm else 'off'}")


@command("kuser")
def kuser(arg):
    """Load a user program's symbols: kuser NAME (build/user/NAME).

NAME may be tests/NAME, or a path to an ELF file; `kuser` alone says which
program is loaded, `kuser -` unloads it. GDB takes the section addresses
from the ELF: every program is linked at 0x00400000, so their symbols
would overlap, and kuser first drops the program loaded before (GDB would
otherwise name one program's code with the other's functions).

Every process maps its code at those same addresses, so a breakpoint there
fires in whichever process runs that address (sh's code sits where
sleep's does). Make it conditional on the process, e.g.
    hbreak main if $_streq(cpus[0].proc->name, "sleep")
    hbreak main if cpus[0].proc->pid == 5
and set it once the program is running or about to (use hbreak: break
writes an int3 into whichever address space is current)."""
    name = arg.strip()
    loaded = user_objfiles()
    if not name:
        print("user symbols loaded: " + (", ".join(loaded) if loaded else "none"))
        return
    if name == "-":
        for path in loaded:
            quietly(f"remove-symbol-file {path}")
            print(f"unloaded the symbols of {path}")
        return
    path = name if "/" in name and os.path.isfile(name) else os.path.join(build_dir(), "user", name)
    if not os.path.isfile(path):
        raise gdb.GdbError(f"kuser: no {path} (run make?)")
    for old in loaded:
        if os.path.realpath(old) == os.path.realpath(path):
            print(f"{path}: symbols already loaded")
            return
    for old in loaded:
        quietly(f"remove-symbol-file {old}")
        print(f"unloaded the symbols of {old}")
    quietly(f"add-symbol-file {path}")
    print(f"loaded the symbols of {path}")
