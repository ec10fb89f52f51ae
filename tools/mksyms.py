#!/usr/bin/env python3
"""Turn `nm -n kernel.elf` output into the kernel's symbol table blob.

Format (little-endian u32s):  count, then count pairs (address, name offset)
sorted by address, then the NUL-terminated names. The kernel's ksyms.c
binary-searches it to turn return addresses into function names.

With --check KERNEL NM, instead verify that every function kept its
address between link pass 1 (stdin) and the final KERNEL.
"""
import struct
import subprocess
import sys


def functions(lines):
    out = []
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            out.append((int(parts[0], 16), parts[2]))
    return out


def main():
    syms = functions(sys.stdin)
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        final = subprocess.run([*sys.argv[3].split(), "-n", sys.argv[2]],
                               capture_output=True, text=True, check=True).stdout
        if functions(final.splitlines()) != syms:
            sys.exit("mksyms: function addresses moved between link passes")
        return
    names = b""
    table = b""
    for addr, name in syms:
        table += struct.pack("<II", addr, len(names))
        names += name.encode() + b"\0"
    sys.stdout.buffer.write(struct.pack("<I", len(syms)) + table + names)


if __name__ == "__main__":
    main()
