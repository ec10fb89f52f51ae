"""tools/setup.sh on fake machines with a recording package manager: with
only git and make it installs everything `make test` needs in one apt-get
call, compiler-rt included (named as Debian 12 and 13 and Ubuntu 22.04 and
24.04 name it), and then finds it all; it installs only what is missing
(the cross compiler when gcc's -m32 libgcc is 64-bit, compiler-rt when
clang lacks it); it says what it installs and why before sudo runs; a
failing apt-get leaves a message naming the package and the command to
run, and a rerun finishes the job (an interrupted dpkg is completed first); Fedora, Arch and macOS get the exact
command and nothing is run."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _fake import Machine  # noqa: E402

EVERYTHING = ("gcc-i686-linux-gnu binutils-i686-linux-gnu clang lld llvm {rt} python3 cpio "
              "qemu-system-x86 gdb gcc libc6-dev").split()


def case(t, results, name, body):
    m = Machine(t, name)
    try:
        why = body(m)
    except Exception as e:
        why = f"{type(e).__name__}: {e}"
    t.out += f"[{name}: {why or 'ok'}]\n"
    results.append((name, not why, why))
    m.cleanup()


def installs(m):
    """The package lists of the apt-get install calls made."""
    return [line.split()[1:] for line in m.call_log()
            if line.startswith("apt-get ") and " install " in line]


def packages(call):
    return [a for a in call if not a.startswith("-") and a != "install"]


def fresh(release, version, clang, known, rt):
    """Only git and make: one install of everything, then all present."""
    def body(m):
        m.os_release(release, version)
        m.apt(clang_version=clang, known=known)
        rc, out = m.run(["sh", "tools/setup.sh", "test"])
        calls = installs(m)
        if rc != 0:
            return f"setup.sh exited {rc}: {out[-400:]!r}"
        if len(calls) != 1:
            return f"expected one apt-get install, got {calls}"
        want = [p.format(rt=rt) for p in EVERYTHING]
        if sorted(packages(calls[0])) != sorted(want):
            return f"installed {packages(calls[0])}, expected {want}"
        if "--no-install-recommends" not in calls[0]:
            return "apt-get install without --no-install-recommends"
        if "setup: done" not in out:
            return "no 'setup: done'"
        rc, out = m.run(["sh", "tools/setup.sh", "--check", "test"])
        return None if rc == 0 else f"still missing afterwards: {out!r}"
    return body


def only_missing(needs, have, want):
    def body(m):
        m.apt(known=("libclang-rt-14-dev",))
        have(m)
        rc, out = m.run(["sh", "tools/setup.sh", needs])
        calls = installs(m)
        if rc != 0 or len(calls) != 1 or packages(calls[0]) != want:
            return f"exit {rc}, installs {calls}; expected one install of {want}: {out[-300:]!r}"
        return None
    return body


def have_gnu_64bit(m):
    m.gnu("", runtime="64bit")
    m.link_real("python3")
    m.link_real("cpio")


def have_clang_no_rt(m):
    m.llvm(compiler_rt=False)
    m.link_real("python3")
    m.link_real("cpio")


def says_before_sudo(m):
    m.apt(known=("libclang-rt-14-dev",))
    m.script("id", "echo 1000")
    m.recorder("sudo", body='echo "FAKE-SUDO $*" >&2; "$@"; exit $?')
    rc, out = m.run(["sh", "tools/setup.sh", "build"])
    if rc != 0:
        return f"exit {rc}: {out[-300:]!r}"
    first_sudo = out.find("FAKE-SUDO")
    for said in ("an i686 compiler and linker", "gcc-i686-linux-gnu",
                 "installing with: sudo apt-get install", "sudo may ask for your password"):
        i = out.find(said)
        if i < 0 or i > first_sudo:
            return f"{said!r} not said before sudo ran: {out[:600]!r}"
    if not any(line.startswith("sudo apt-get install") for line in m.call_log()):
        return "apt-get did not run through sudo"
    return None


def failing_apt(m):
    m.apt(known=("libclang-rt-14-dev",), fail=("libclang-rt-14-dev",))
    m.llvm(compiler_rt=False)
    m.link_real("python3")
    m.link_real("cpio")
    rc, out = m.run(["sh", "tools/setup.sh", "build-llvm"])
    if rc == 0:
        return "setup.sh succeeded although apt-get failed"
    for said in ("apt-get could not install: libclang-rt-14-dev",
                 "apt-get install --no-install-recommends libclang-rt-14-dev"):
        if said not in out:
            return f"the message does not say {said!r}: {out!r}"
    m.apt(known=("libclang-rt-14-dev",))        # the network is back
    rc, out = m.run(["sh", "tools/setup.sh", "build-llvm"])
    return None if rc == 0 else f"the rerun failed: {out!r}"


def interrupted_dpkg(m):
    """An install cut short leaves dpkg half done; the rerun finishes it first."""
    m.apt(known=("libclang-rt-14-dev",))
    m.recorder("dpkg", body='[ "$1" = --audit ] && echo "The following packages are only half configured"')
    rc, out = m.run(["sh", "tools/setup.sh", "build"])
    calls = m.call_log()
    fix = [i for i, c in enumerate(calls) if c.startswith("dpkg --configure -a")]
    inst = [i for i, c in enumerate(calls) if c.startswith("apt-get install")]
    if rc != 0 or not fix or not inst or fix[0] > inst[0]:
        return f"exit {rc}; calls {calls}: dpkg --configure -a should come before apt-get install"
    return None


def by_hand(system, tool, command):
    def body(m):
        if system == "macos":
            m.script("uname", 'echo Darwin')
        else:
            m.os_release(system, "40")
        m.recorder(tool)
        m.recorder("sudo")
        rc, out = m.run(["sh", "tools/setup.sh", "test"])
        if rc == 0:
            return "setup.sh said all is well with nothing installed"
        if command not in out:
            return f"did not print {command!r}: {out!r}"
        if m.call_log():
            return f"ran something: {m.call_log()}"
        return None
    return body


def nothing_missing(m):
    m.apt()
    m.gnu("i686-elf-")
    m.link_real("python3")
    m.link_real("cpio")
    rc, out = m.run(["sh", "tools/setup.sh", "--quiet", "build"])
    if rc != 0 or out or m.call_log():
        return f"exit {rc}, said {out!r}, ran {m.call_log()}"
    return None


def results(t):
    r = []
    case(t, r, "debian12_git_make_only",
         fresh("debian", "12", "14", ("libclang-rt-14-dev", "libclang-common-14-dev"),
               "libclang-rt-14-dev"))
    case(t, r, "debian13_git_make_only",
         fresh("debian", "13", "19", ("libclang-rt-19-dev", "libclang-common-19-dev"),
               "libclang-rt-19-dev"))
    case(t, r, "ubuntu2204_git_make_only",
         fresh("ubuntu", "22.04", "14", ("libclang-common-14-dev",), "libclang-common-14-dev"))
    case(t, r, "ubuntu2404_git_make_only",
         fresh("ubuntu", "24.04", "18", ("libclang-rt-18-dev", "libclang-common-18-dev"),
               "libclang-rt-18-dev"))
    case(t, r, "debian13_empty_package_lists",
         fresh("debian", "13", "", (), "libclang-rt-19-dev"))
    case(t, r, "gcc_without_multilib_gets_cross",
         only_missing("build", have_gnu_64bit, ["gcc-i686-linux-gnu", "binutils-i686-linux-gnu"]))
    case(t, r, "clang_without_compiler_rt",
         only_missing("build-llvm", have_clang_no_rt, ["libclang-rt-14-dev"]))
    case(t, r, "says_what_before_sudo", says_before_sudo)
    case(t, r, "failing_apt_get_then_rerun", failing_apt)
    case(t, r, "interrupted_install_finished_first", interrupted_dpkg)
    case(t, r, "fedora_dnf_command",
         by_hand("fedora", "dnf", "sudo dnf install -y gcc binutils clang lld llvm compiler-rt"))
    case(t, r, "arch_pacman_command",
         by_hand("arch", "pacman", "sudo pacman -S --needed gcc binutils clang lld llvm"))
    case(t, r, "macos_brew_command",
         by_hand("macos", "brew", "brew install i686-elf-gcc i686-elf-binutils llvm lld"))
    case(t, r, "nothing_missing_nothing_run", nothing_missing)
    return r
