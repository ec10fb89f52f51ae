#!/bin/sh
# A maintainer's check that the two commands work on a freshly installed
# Debian: debootstraps RELEASE into a new chroot, installs only git, make
# and the EXTRA packages, clones this repository's HEAD into it and runs
# `make test` there as root (so tools/setup.sh installs the rest itself).
#
#   tools/fresh-check.sh bookworm                 Debian 12, git and make only
#   tools/fresh-check.sh trixie gcc libc6-dev     Debian 13 with gcc, no multilib
#
# Needs root and debootstrap. The chroot is CHROOTS/RELEASE-PID (default
# CHROOTS=/work/chroots, or /var/tmp/orchard-chroots when /work does not
# exist); MIRROR picks the mirror; DEBOOTSTRAP_OPTS adds debootstrap options
# (Ubuntu: MIRROR=http://archive.ubuntu.com/ubuntu
# DEBOOTSTRAP_OPTS="--components=main,universe" tools/fresh-check.sh jammy;
# add --no-check-gpg without Ubuntu's keyring); KEEP=1 keeps the chroot.
# Only committed work is tested (the clone takes HEAD). The last line says
# "fresh-check RELEASE [EXTRA]: make test exit N, setup+test S s, total T s".
set -eu

[ $# -ge 1 ] || { echo "usage: $0 RELEASE [EXTRA-PACKAGE...]" >&2; exit 2; }
release=$1
shift
extra=$*
[ "$(id -u)" = 0 ] || { echo "fresh-check: needs root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null 2>&1 ||
    { echo "fresh-check: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }

repo=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${CHROOTS:-}" ]; then
    if [ -d /work ]; then CHROOTS=/work/chroots; else CHROOTS=/var/tmp/orchard-chroots; fi
fi
case "$CHROOTS/" in
    "$repo"/*) echo "fresh-check: CHROOTS must lie outside the repository" >&2; exit 2 ;;
esac
MIRROR=${MIRROR:-http://deb.debian.org/debian}
root=$CHROOTS/$release-$$
mkdir -p "$CHROOTS"

cleanup() {
    for m in dev proc; do
        if grep -q " $root/$m " /proc/mounts 2>/dev/null; then
            umount -R "$root/$m" 2>/dev/null || umount -l "$root/$m" || true
        fi
    done
    [ "${KEEP:-0}" = 1 ] || rm -rf "$root"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start=$(date +%s)
include=git,make,ca-certificates
for p in $extra; do include="$include,$p"; done
echo "fresh-check: debootstrap $release into $root (with $include)"
# shellcheck disable=SC2086
debootstrap --variant=minbase --include="$include" ${DEBOOTSTRAP_OPTS:-} "$release" "$root" "$MIRROR" \
    > "$root.debootstrap.log" 2>&1 ||
    { echo "fresh-check: debootstrap failed; see $root.debootstrap.log" >&2; exit 1; }
rm -f "$root.debootstrap.log"

# What the installer writes and debootstrap does not.
printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' > "$root/etc/hosts"

commit=$(git -C "$repo" rev-parse HEAD)
git clone -q "$repo" "$root/root/orchard"
git -C "$root/root/orchard" checkout -q "$commit"

# QEMU, the tests' pseudo-terminals and Python need /proc and /dev.
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"

echo "fresh-check: make test in $root/root/orchard (commit $commit)"
t0=$(date +%s)
rc=0
chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb sh -c 'cd /root/orchard && make test' || rc=$?
end=$(date +%s)
echo "fresh-check $release${extra:+ $extra}: make test exit $rc, setup+test $((end - t0)) s, total $((end - start)) s"
exit $rc
