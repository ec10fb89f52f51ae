#!/bin/sh
# tools/bench-xv6.sh XV6_DIR [NAME...]: xv6-public's column of
# docs/performance.md, measured as `make bench` measures Orchard.
#
# Copies the xv6-public checkout XV6_DIR (it is never modified) into a
# temporary directory, adds our benchmark program (tools/xv6/bench.c, the
# benchmarks of user/bench.c written against xv6's system calls) and a
# `true` to exec (tools/xv6/true.c) to its Makefile's UPROGS, builds it with
# the toolchain our Makefile uses (TOOLPREFIX, else tools/find-toolchain.sh),
# boots it on one CPU under the same `-icount shift=0,sleep=off` as
# tools/bench.py, types `bench NAME...` at xv6's shell and prints the same
# "bench: NAME INSTRUCTIONS_PER_OP" lines (all benchmarks by default).
#
# The copy's Makefile loses -Werror: current compilers warn about xv6's own
# code (mp.c's array bounds), which is not ours to change.
# XV6_TIMEOUT (seconds, default 300) bounds the run. Exits 0 with figures,
# 1 without, 2 on a usage error.
set -eu

usage() { echo "usage: tools/bench-xv6.sh XV6_DIR [NAME...]  (XV6_DIR: an xv6-public checkout)" >&2; exit 2; }
[ $# -ge 1 ] || usage
src=$1
shift
[ -f "$src/Makefile" ] && [ -f "$src/proc.c" ] && [ -f "$src/vm.c" ] || {
    echo "bench-xv6: $src is not an xv6-public checkout (no Makefile, proc.c, vm.c)" >&2; usage; }
here=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${TOOLPREFIX+set}" ]; then
    TOOLPREFIX=$(sh "$here/tools/find-toolchain.sh") || {
        echo "bench-xv6: no i686 toolchain (tools/find-toolchain.sh found none)" >&2; exit 1; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-xv6.XXXXXX")
qemu_pid=
cleanup() {
    [ -n "$qemu_pid" ] && kill "$qemu_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkdir "$work/xv6"
(cd "$src" && tar cf - --exclude=.git .) | (cd "$work/xv6" && tar xf -)
cp "$here/tools/xv6/bench.c" "$here/tools/xv6/true.c" "$work/xv6/"
sed -i -e 's/^UPROGS=\\$/UPROGS=\\\n\t_bench\\\n\t_true\\/' -e 's/ -Werror / /' "$work/xv6/Makefile"
grep -q '_bench' "$work/xv6/Makefile" || { echo "bench-xv6: no UPROGS= line in $src/Makefile" >&2; exit 1; }

echo "bench-xv6: building xv6 with TOOLPREFIX='$TOOLPREFIX'" >&2
if ! make -C "$work/xv6" TOOLPREFIX="$TOOLPREFIX" xv6.img fs.img > "$work/build.log" 2>&1; then
    tail -20 "$work/build.log" >&2
    echo "bench-xv6: xv6 did not build" >&2
    exit 1
fi

# xv6's shell reads the serial port; the first byte can be lost while the
# UART is set up, hence the leading newline.
mkfifo "$work/in"
(cd "$work/xv6" && exec qemu-system-i386 -display none -monitor none -serial stdio \
    -no-reboot -nic none -smp 1 -m 512 -icount shift=0,sleep=off \
    -drive file=fs.img,index=1,media=disk,format=raw \
    -drive file=xv6.img,index=0,media=disk,format=raw) < "$work/in" > "$work/out" 2>&1 &
qemu_pid=$!
exec 3> "$work/in"
printf '\nbench %s\n' "$*" >&3

left=${XV6_TIMEOUT:-300}
until grep -q -e '^bench: done' -e 'no figures' "$work/out"; do
    if [ "$left" -le 0 ] || ! kill -0 "$qemu_pid" 2>/dev/null; then
        tail -20 "$work/out" >&2
        echo "bench-xv6: xv6 did not finish the benchmarks" >&2
        exit 1
    fi
    sleep 1
    left=$((left - 1))
done
exec 3>&-
tr -d '\r' < "$work/out" | grep '^bench: ' | grep -v -e '^bench: calibrate' -e '^bench: done' || true
grep -q '^bench: [a-z_0-9]* [0-9]*$' "$work/out"
