#!/bin/sh
# Prints the TOOLPREFIX for the first i686 toolchain that works, in the
# project's order of preference (see README.md, "Toolchain"):
#   i686-elf-  >  i686-linux-gnu-  >  host gcc -m32 (prints an empty prefix)
# Exits 1 when none works. x86_64-elf- (Homebrew) is accepted last: the
# Makefile adds -m32 for any compiler whose default target is not i?86.
for p in i686-elf- i686-linux-gnu-; do
    if command -v "${p}gcc" >/dev/null 2>&1 && command -v "${p}ld" >/dev/null 2>&1; then
        echo "$p"; exit 0
    fi
done
if command -v gcc >/dev/null 2>&1 &&
   echo 'int f(long long a, long long b) { return a / b; }' |
   gcc -m32 -ffreestanding -c -x c - -o /dev/null >/dev/null 2>&1 &&
   [ -f "$(gcc -m32 -print-libgcc-file-name 2>/dev/null)" ]; then
    echo ""; exit 0
fi
if command -v x86_64-elf-gcc >/dev/null 2>&1; then
    echo "x86_64-elf-"; exit 0
fi
exit 1
