"""GDB helpers for the Orchard kernel, loaded by tools/gdbinit.tmpl.

Commands:
    kinfo        timer ticks and free physical frames
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
    ticks = int(kvar("ticks", "clock.c"))
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
