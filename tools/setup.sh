#!/bin/sh
# Makes sure the tools a make goal needs are here, and installs what is
# missing. The Makefile runs it in a recipe (never while it reads the
# Makefile), naming what the goal needs:
#
#   base        python3 and cpio (the build's scripts and the initramfs)
#   build       base, and an i686 GNU toolchain that links (tools/find-toolchain.sh)
#   build-llvm  the same with LLVM (clang, ld.lld, LLVM's binutils, compiler-rt)
#   qemu        qemu-system-i386
#   gdb         a GDB for i386: gdb, gdb-multiarch, i386-elf-gdb or x86_64-elf-gdb
#   hostcc      a host C compiler with ASan/UBSan (the unit tests)
#   test        all of the above (the default)
#
#   tools/setup.sh [--quiet] [--check] [NEED...]
#     --quiet   say nothing when everything is present
#     --check   only check: list what is missing, exit 1 if anything is
#
# All missing packages are worked out first, including needs that follow
# from others (compiler-rt's package follows from the clang that will be
# installed), then installed in one apt-get call, then checked again. It
# says what it installs and why before sudo asks for a password. On
# Debian and Ubuntu it installs (apt-get --no-install-recommends, through
# sudo when not root); on Fedora, Arch and macOS it prints the exact
# command. Safe to rerun after an interruption.
here=$(cd "$(dirname "$0")" && pwd)
quiet=0 check_only=0 needs=""
for a in "$@"; do
    case $a in
        --quiet) quiet=1 ;;
        --check) check_only=1 ;;
        base|build|build-llvm|qemu|gdb|hostcc|test) needs="$needs $a" ;;
        *) echo "usage: $0 [--quiet] [--check] [base|build|build-llvm|qemu|gdb|hostcc|test]..." >&2; exit 2 ;;
    esac
done
[ -n "$needs" ] || needs=test

# ---------------------------------------------------------------- what is needed
caps=""
add_cap() { case " $caps " in *" $1 "*) ;; *) caps="$caps $1" ;; esac; }
for n in $needs; do
    case $n in
        base) add_cap python3; add_cap cpio ;;
        build) add_cap toolchain; add_cap python3; add_cap cpio ;;
        build-llvm) add_cap llvm; add_cap python3; add_cap cpio ;;
        qemu|gdb|hostcc) add_cap "$n" ;;
        test) for c in toolchain llvm python3 cpio qemu gdb hostcc; do add_cap "$c"; done ;;
    esac
done

have() { command -v "$1" >/dev/null 2>&1; }

has_cap() {
    case $1 in
        toolchain) sh "$here/find-toolchain.sh" >/dev/null 2>&1 ;;
        llvm) sh "$here/find-toolchain.sh" --llvm >/dev/null 2>&1 ;;
        qemu) have qemu-system-i386 ;;
        gdb) have gdb || have gdb-multiarch || have i386-elf-gdb || have x86_64-elf-gdb ;;
        hostcc) hostcc_works ;;
        *) have "$1" ;;
    esac
}

hostcc_works() {
    have cc || return 1
    t=${TMPDIR:-/tmp}/orchard-setup.$$
    printf '#include <stdio.h>\nint main(void) { return printf("%%s", "") ; }\n' > "$t.c"
    cc -fsanitize=address,undefined "$t.c" -o "$t" >/dev/null 2>&1
    r=$?
    rm -f "$t" "$t.c"
    return $r
}

why() {
    case $1 in
        toolchain) echo "an i686 compiler and linker that link 64-bit division (make, make qemu)" ;;
        llvm) echo "clang, ld.lld, LLVM's binutils and compiler-rt's i386 builtins (make LLVM=1; make test builds it)" ;;
        python3) echo "python3 (build scripts, make run, the tests)" ;;
        cpio) echo "cpio (packs the initramfs)" ;;
        qemu) echo "QEMU for i386 (make qemu, make run, the tests)" ;;
        gdb) echo "a GDB that understands i386 (make gdb, the debugger tests)" ;;
        hostcc) echo "a host C compiler with ASan and UBSan (the unit tests)" ;;
    esac
}

missing_caps() {
    missing=""
    for c in $caps; do has_cap "$c" || missing="$missing $c"; done
}

# ---------------------------------------------------------------- which system
# ORCHARD_OS_RELEASE: another os-release file (the tests use it).
ID="" ID_LIKE="" VERSION_ID=""
# shellcheck disable=SC1090
[ -r "${ORCHARD_OS_RELEASE:-/etc/os-release}" ] && . "${ORCHARD_OS_RELEASE:-/etc/os-release}"

system() {
    [ "$(uname -s 2>/dev/null)" = Darwin ] && { echo macos; return; }
    case " $ID $ID_LIKE " in
        *" debian "*|*" ubuntu "*) echo debian ;;
        *" fedora "*|*" rhel "*) echo fedora ;;
        *" arch "*) echo arch ;;
        *) if have apt-get; then echo debian; elif have dnf; then echo fedora;
           elif have pacman; then echo arch; else echo unknown; fi ;;
    esac
}

# The clang major version apt would install (or has installed), for the
# compiler-rt package's name.
clang_version() {
    if have clang; then
        clang -dumpversion 2>/dev/null | cut -d. -f1
        return
    fi
    v=$(apt-cache depends clang 2>/dev/null | sed -n 's/.*Depends: clang-\([0-9][0-9]*\)$/\1/p' | head -n 1)
    [ -n "$v" ] && { echo "$v"; return; }
    case "$ID:$VERSION_ID" in       # the releases' default clang
        debian:12) echo 14 ;; debian:13) echo 19 ;;
        ubuntu:22.04) echo 14 ;; ubuntu:24.04) echo 18 ;;
        *) echo "" ;;
    esac
}

# compiler-rt's i386 builtins: libclang-rt-N-dev (Debian 12 and 13, Ubuntu
# 24.04), inside libclang-common-N-dev on Ubuntu 22.04 (LLVM 14 before the
# split). The first name apt knows wins.
compiler_rt_package() {
    v=$(clang_version)
    [ -n "$v" ] || { echo libclang-rt-dev; return; }
    for p in "libclang-rt-$v-dev" "libclang-common-$v-dev"; do
        apt-cache show "$p" >/dev/null 2>&1 && { echo "$p"; return; }
    done
    case "$ID:$VERSION_ID" in
        ubuntu:22.04) echo "libclang-common-$v-dev" ;;
        *) echo "libclang-rt-$v-dev" ;;
    esac
}

# packages SYSTEM CAP: the packages that provide CAP, only the parts missing.
packages() {
    case $1:$2 in
        debian:toolchain) echo gcc-i686-linux-gnu binutils-i686-linux-gnu ;;
        debian:llvm)
            have clang || printf 'clang '
            have ld.lld || printf 'lld '
            have llvm-objcopy || printf 'llvm '
            rt=""
            have clang && rt=$(clang --target=i386-linux-gnu -rtlib=compiler-rt -print-libgcc-file-name 2>/dev/null)
            [ -n "$rt" ] && [ -f "$rt" ] || compiler_rt_package
            echo ;;
        debian:python3|fedora:python3) echo python3 ;;
        debian:qemu|arch:qemu) echo qemu-system-x86 ;;
        debian:hostcc) echo gcc libc6-dev ;;
        fedora:toolchain|arch:toolchain) echo gcc binutils ;;
        fedora:llvm|arch:llvm) echo clang lld llvm compiler-rt ;;
        fedora:qemu) echo qemu-system-x86-core ;;
        fedora:hostcc) echo gcc libasan libubsan ;;
        arch:python3|macos:python3) echo python ;;
        arch:hostcc) echo gcc ;;
        macos:toolchain) echo i686-elf-gcc i686-elf-binutils ;;
        macos:llvm) echo llvm lld ;;
        macos:qemu) echo qemu ;;
        macos:gdb) echo i386-elf-gdb ;;
        macos:cpio|macos:hostcc) echo "" ;;     # part of macOS (Xcode's command-line tools)
        *:gdb|*:cpio) echo "$2" ;;
    esac
}

# ---------------------------------------------------------------- the plan
missing_caps
if [ -z "$missing" ]; then
    [ $quiet = 1 ] || echo "setup: everything needed for:$needs is present"
    exit 0
fi
sys=$(system)
echo "setup: missing for:$needs" >&2
pkgs=""
for c in $missing; do
    p=$(packages "$sys" "$c")
    echo "  - $(why "$c")${p:+: $p}" >&2
    if [ "$c" = toolchain ] || [ "$c" = llvm ]; then
        flag=""; [ "$c" = llvm ] && flag=--llvm
        sh "$here/find-toolchain.sh" $flag --why 2>&1 >/dev/null | sed 's/^/      /' >&2
    fi
    for q in $p; do
        case " $pkgs " in *" $q "*) ;; *) pkgs="$pkgs $q" ;; esac
    done
done
[ $check_only = 1 ] && exit 1

by_hand() {         # by_hand COMMAND: the system cannot install for us
    echo "setup: install them with:" >&2
    echo "  $1" >&2
    echo "setup: then run make again." >&2
    exit 1
}
case $sys in
    fedora) by_hand "sudo dnf install -y$pkgs" ;;
    arch) by_hand "sudo pacman -S --needed$pkgs" ;;
    macos) by_hand "brew install$pkgs${pkgs:+ }(and xcode-select --install for cc and cpio)" ;;
    unknown) by_hand "(your package manager) install:$pkgs" ;;
esac

# ---------------------------------------------------------------- Debian, Ubuntu
sudo=""
if [ "$(id -u)" != 0 ]; then
    have sudo || by_hand "su -c 'apt-get install --no-install-recommends$pkgs'"
    sudo=sudo
fi
echo "setup: installing with: $sudo${sudo:+ }apt-get install --no-install-recommends$pkgs" >&2
[ -n "$sudo" ] && echo "setup: (sudo may ask for your password)" >&2
export DEBIAN_FRONTEND=noninteractive
# An install that was interrupted leaves dpkg half-done; finish it first.
if [ -n "$(dpkg --audit 2>/dev/null)" ]; then
    $sudo dpkg --configure -a >&2
fi
$sudo apt-get update -qq >&2 || echo "setup: apt-get update failed; trying the package lists as they are" >&2
failed=""
# shellcheck disable=SC2086
if ! $sudo apt-get install -y -qq --no-install-recommends $pkgs >&2; then
    # One by one, so that one name apt does not know (names differ a
    # little between releases) does not stop the rest.
    for p in $pkgs; do
        $sudo apt-get install -y -qq --no-install-recommends "$p" >&2 || failed="$failed $p"
    done
fi
if [ -n "$failed" ]; then
    echo "setup: apt-get could not install:$failed" >&2
    echo "setup: run by hand, then make again: $sudo${sudo:+ }apt-get install --no-install-recommends$failed" >&2
fi
missing_caps
if [ -z "$missing" ]; then
    echo "setup: done" >&2
    exit 0
fi
echo "setup: still missing after apt-get:" >&2
for c in $missing; do
    echo "  - $(why "$c")" >&2
    case $c in
        toolchain) sh "$here/find-toolchain.sh" --why 2>&1 >/dev/null | sed 's/^/      /' >&2 ;;
        llvm) sh "$here/find-toolchain.sh" --llvm --why 2>&1 >/dev/null | sed 's/^/      /' >&2 ;;
    esac
done
[ -n "$failed" ] || echo "setup: the packages installed but did not provide these; see the reasons above" >&2
exit 1
