#!/bin/sh
# Checks for every tool the build, `make qemu` and `make test` need, and
# installs what is missing. Called by the Makefile before any build, so a
# fresh Debian/Ubuntu machine needs nothing but `make` and this repository.
#
#   tools/setup.sh           check, install what is missing, say what it did
#   tools/setup.sh --quiet   the same, silent when everything is present
#
# On Debian/Ubuntu it uses apt-get --no-install-recommends (through sudo
# when not root). Elsewhere it prints exactly what to install and fails.
quiet=0
[ "${1:-}" = "--quiet" ] && quiet=1
here=$(cd "$(dirname "$0")" && pwd)

need() {            # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 || missing="$missing $2"
}

check() {
missing=""          # Debian package names
if ! sh "$here/find-toolchain.sh" >/dev/null; then
    missing="$missing gcc-i686-linux-gnu binutils-i686-linux-gnu"
fi
need gcc gcc
need make make
need clang clang
need ld.lld lld
need llvm-objcopy llvm
need qemu-system-i386 qemu-system-x86
need gdb gdb
need python3 python3
need cpio cpio
# compiler-rt's i386 builtins: what `make LLVM=1` links instead of libgcc.
if command -v clang >/dev/null 2>&1; then
    rt=$(clang --target=i386-linux-gnu -rtlib=compiler-rt -print-libgcc-file-name 2>/dev/null)
    [ -f "$rt" ] || missing="$missing libclang-rt-dev"
fi
}
check

[ -z "$missing" ] && { [ $quiet = 1 ] || echo "setup: all tools present"; exit 0; }

echo "setup: missing packages:$missing" >&2
if ! command -v apt-get >/dev/null 2>&1; then
    cat >&2 <<MSG
setup: this is not a Debian/Ubuntu system; please install by hand:
  - an i686 cross compiler: i686-elf-gcc + i686-elf-binutils
    (macOS: brew install i686-elf-gcc i686-elf-binutils), or gcc with 32-bit multilib
  - clang, lld and llvm (llvm-objcopy), with compiler-rt builtins for i386
  - qemu-system-i386 (macOS: brew install qemu), gdb (or i386-elf-gdb), python3, cpio
MSG
    exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: not root and no sudo; run as root: apt-get install$missing" >&2; exit 1; }
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
echo "setup: $sudo apt-get install --no-install-recommends$missing" >&2
$sudo apt-get update -qq >&2 || true
# shellcheck disable=SC2086
if ! $sudo apt-get install -y -qq --no-install-recommends $missing >&2; then
    # Try one by one so that one unknown name (package names differ a little
    # between releases) does not stop the rest.
    for p in $missing; do
        $sudo apt-get install -y -qq --no-install-recommends "$p" >&2 ||
            echo "setup: could not install $p" >&2
    done
fi
check
[ -z "$missing" ] && { echo "setup: done" >&2; exit 0; }
echo "setup: still missing after apt-get:$missing" >&2
exit 1
