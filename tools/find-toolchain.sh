#!/bin/sh
# Finds the i686 toolchain the build will use, by proof: for each candidate
# in the project's order (README.md, "The toolchain")
#
#   i686-elf-   i686-linux-gnu-   host gcc -m32   x86_64-elf- -m32
#   (with --llvm instead: clang --target=i686-elf, ld.lld, compiler-rt)
#
# it compiles a tiny freestanding i386 program that divides 64-bit numbers
# and links it, as the Makefile links the kernel, against the runtime
# library that compiler names (libgcc, or compiler-rt's builtins). The first
# candidate that links wins. A compiler that only compiles (no 32-bit libgcc,
# a linker that cannot make i386 files, a missing objcopy) is rejected.
#
# Prints one line of three words for the Makefile:
#   PREFIX ARCHFLAGS RUNTIME
# PREFIX is the tools' prefix ("-" for the host's own gcc, "llvm" with
# --llvm), ARCHFLAGS "-m32" or "-", RUNTIME the library's path.
#   tools/find-toolchain.sh --prefix   prints only the prefix (empty for gcc)
# Exits 1 when no candidate works. With V=1 (or --why) it says on stderr
# why each rejected candidate was rejected.
llvm=0 prefix_only=0 why=${V:-}
for a in "$@"; do
    case $a in
        --llvm) llvm=1 ;;
        --prefix) prefix_only=1 ;;
        --why) why=1 ;;
        *) echo "usage: $0 [--llvm] [--prefix] [--why]" >&2; exit 2 ;;
    esac
done

# A scratch directory without mktemp's templates (they differ between
# systems); removed on exit.
tmp=${TMPDIR:-/tmp}/orchard-toolchain.$$
rm -rf "$tmp" && mkdir "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

cat > "$tmp/probe.c" <<'EOF'
/* The kernel divides 64-bit numbers; on i386 that calls __udivdi3 and
 * __umoddi3 from the runtime library. */
typedef unsigned long long u64;
volatile u64 probe_a = 1000000000000ULL, probe_b = 7;
void _start(void)
{
    probe_a = probe_a / probe_b + probe_a % probe_b;
    for (;;)
        ;
}
EOF

reject() {          # reject CANDIDATE REASON
    [ -n "$why" ] && [ "$why" != 0 ] && echo "find-toolchain: $1 rejected: $2" >&2
    return 1
}

# The first line of a failed step's messages, to say why.
first_error() {
    grep -i -m1 'error\|undefined\|incompatible\|cannot\|not found\|unknown\|unrecogni' "$tmp/log" ||
        head -n 1 "$tmp/log"
}

# probe NAME "CC..." LD RUNTIME: compiles and links the program.
probe() {
    name=$1 cc=$2 ld=$3 rt=$4
    # shellcheck disable=SC2086
    $cc -ffreestanding -fno-pic -fno-pie -fno-stack-protector -O2 \
        -c "$tmp/probe.c" -o "$tmp/probe.o" > "$tmp/log" 2>&1 ||
        reject "$name" "cannot compile for i386: $(first_error)" || return 1
    [ -n "$rt" ] && [ -f "$rt" ] ||
        reject "$name" "no runtime library (it names '$rt', which does not exist)" || return 1
    "$ld" -m elf_i386 -nostdlib -static -e _start -o "$tmp/probe.elf" "$tmp/probe.o" "$rt" \
        > "$tmp/log" 2>&1 ||
        reject "$name" "cannot link 64-bit division for i386 against $rt (not a 32-bit library?): $(first_error)" || return 1
}

need_tools() {      # need_tools NAME TOOL...: every tool the build runs
    name=$1
    shift
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || reject "$name" "$t not found" || return 1
    done
}

gnu() {             # gnu PREFIX ARCHFLAGS: a GNU toolchain
    p=$1 arch=$2 name="${1:-host }gcc${2:+ $2}"
    need_tools "$name" "${p}gcc" "${p}ld" "${p}objcopy" "${p}ar" "${p}objdump" "${p}nm" "${p}strip" ||
        return 1
    rt=$("${p}gcc" $arch -print-libgcc-file-name 2>/dev/null)
    probe "$name" "${p}gcc $arch" "${p}ld" "$rt" || return 1
    if [ $prefix_only = 1 ]; then echo "$p"; else echo "${p:--} ${arch:--} $rt"; fi
    exit 0
}

if [ $llvm = 1 ]; then
    need_tools "LLVM" clang ld.lld llvm-objcopy llvm-ar llvm-objdump llvm-nm llvm-strip || exit 1
    rt=$(clang --target=i386-linux-gnu -rtlib=compiler-rt -print-libgcc-file-name 2>/dev/null)
    probe "LLVM (clang, compiler-rt)" "clang --target=i686-elf" ld.lld "$rt" || exit 1
    if [ $prefix_only = 1 ]; then echo llvm; else echo "llvm - $rt"; fi
    exit 0
fi

gnu i686-elf- ""
gnu i686-linux-gnu- ""
gnu "" -m32
gnu x86_64-elf- -m32
exit 1
