"""Shared by tests/setup/*.py: fake machines for tools/find-toolchain.sh and
tools/setup.sh.

A fake machine is a directory whose bin/ is the whole PATH: symlinks to the
few ordinary utilities the scripts use (sh, grep, sed, ...), plus fake
tools written as small shell scripts. A fake compiler runs this machine's
real i686 toolchain (found by the real tools/find-toolchain.sh), except for
what the case changes: the runtime library it names, a linker that fails,
a missing tool. A fake apt-get, dnf, pacman, brew or sudo records each call
in calls.log; the fake apt-get "installs" a package by creating the fake
tools that package would bring, so setup.sh's second check sees them."""
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("BUILD", "build")

# What the scripts run besides the tools under test.
BASE_TOOLS = ["sh", "cat", "grep", "head", "rm", "mkdir", "sed", "cut", "dirname",
              "uname", "id", "tr", "cmp", "mv", "env", "ls", "touch", "sort", "find",
              "expr", "od", "wc", "chmod", "ln", "printf", "basename", "echo", "true", "seq"]

GNU_TOOLS = ["gcc", "ld", "objcopy", "ar", "objdump", "nm", "strip"]
LLVM_TOOLS = ["ld.lld", "llvm-objcopy", "llvm-ar", "llvm-objdump", "llvm-nm", "llvm-strip"]


def real_toolchain():
    """This machine's (prefix, runtime library) and LLVM runtime, as the build uses them."""
    def find(*args):
        p = subprocess.run(["sh", "tools/find-toolchain.sh", *args], cwd=ROOT,
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise RuntimeError("tools/find-toolchain.sh " + " ".join(args) + " found nothing")
        return p.stdout.split()
    prefix, _, rt = find()
    _, _, llvm_rt = find("--llvm")
    return ("" if prefix == "-" else prefix), rt, llvm_rt


class Machine:
    def __init__(self, t, name):
        self.t = t
        parent = os.path.join(ROOT, BUILD, "tests", "setup")
        os.makedirs(parent, exist_ok=True)
        self.dir = tempfile.mkdtemp(prefix=f"orchard-{name}-", dir=parent)
        self.bin = os.path.join(self.dir, "bin")
        os.makedirs(self.bin)
        self.calls = os.path.join(self.dir, "calls.log")
        open(self.calls, "w").close()
        for tool in BASE_TOOLS:
            path = shutil.which(tool)
            if path:
                os.symlink(path, os.path.join(self.bin, tool))
        self.prefix, self.rt, self.llvm_rt = real_toolchain()
        self.os_release("debian", "12")

    # ---- building blocks ------------------------------------------------
    def script(self, name, body):
        path = os.path.join(self.bin, name)
        if os.path.lexists(path):
            os.unlink(path)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, 0o755)

    def remove(self, name):
        path = os.path.join(self.bin, name)
        if os.path.lexists(path):
            os.unlink(path)

    def recorder(self, name, status=0, body=""):
        """A tool that logs its arguments to calls.log, then runs body."""
        self.script(name, f'echo "{name} $*" >> {shlex.quote(self.calls)}\n{body}\nexit {status}')

    def os_release(self, ident, version):
        path = os.path.join(self.dir, "os-release")
        with open(path, "w") as f:
            f.write(f'ID={ident}\nVERSION_ID="{version}"\n')
        self.release = path

    # ---- GNU toolchains ---------------------------------------------------
    def gnu(self, prefix, runtime="real", arch_default="", link=True):
        """Fake PREFIXgcc & co. running the real toolchain; runtime: "real"
        (the real 32-bit libgcc), "64bit" (a 64-bit libgcc, as a gcc
        without multilib names for -m32), or "none" (no such file)."""
        rt = {"real": self.rt, "64bit": self.libgcc64(), "none": "libgcc.a"}[runtime]
        real = shutil.which(self.prefix + "gcc")
        self.script(prefix + "gcc", f'''
for a in "$@"; do
    case $a in
        -print-libgcc-file-name) echo {shlex.quote(rt)}; exit 0 ;;
        -dumpmachine) echo {arch_default or "x86_64-linux-gnu"}; exit 0 ;;
    esac
done
# The real compiler targets i386 already; drop -m32.
for a in "$@"; do shift; [ "$a" = -m32 ] || set -- "$@" "$a"; done
PATH="$PATH:{os.path.dirname(real)}" exec {shlex.quote(real)} "$@"''')
        for tool in GNU_TOOLS[1:]:
            real_tool = shutil.which(self.prefix + tool)
            if tool == "ld" and not link:
                self.script(prefix + "ld", 'echo "ld: cannot represent machine i386" >&2; exit 1')
            else:
                os.symlink(real_tool, os.path.join(self.bin, prefix + tool))

    def libgcc64(self):
        """An archive of 64-bit objects defining __udivdi3 and __umoddi3."""
        path = os.path.join(self.dir, "lib64", "libgcc.a")
        if not os.path.exists(path):
            os.makedirs(os.path.dirname(path))
            src = os.path.join(self.dir, "lib64", "div.c")
            with open(src, "w") as f:
                f.write("unsigned long long __udivdi3(unsigned long long a, unsigned long long b)"
                        " { return a / b; }\nunsigned long long __umoddi3(unsigned long long a,"
                        " unsigned long long b) { return a % b; }\n")
            obj = src[:-2] + ".o"
            subprocess.run(["clang", "--target=x86_64-linux-gnu", "-ffreestanding", "-c", src,
                            "-o", obj], check=True)
            subprocess.run(["llvm-ar", "rcs", path, obj], check=True)
        return path

    # ---- LLVM -------------------------------------------------------------
    def llvm(self, compiler_rt=True):
        """Fake clang & co.; without compiler_rt, clang names a builtins
        library that is not there (clang installed without libclang-rt)."""
        rt = os.path.join(self.dir, "compiler-rt", "libclang_rt.builtins-i386.a")
        if compiler_rt:
            self.install_compiler_rt()
        real = shutil.which("clang")
        self.script("clang", f'''
for a in "$@"; do
    case $a in
        -print-libgcc-file-name) echo {shlex.quote(rt)}; exit 0 ;;
        -dumpversion) echo 14.0.6; exit 0 ;;
    esac
done
PATH="$PATH:{os.path.dirname(real)}" exec {shlex.quote(real)} "$@"''')
        for tool in LLVM_TOOLS:
            self.link_real(tool)

    def install_compiler_rt(self):
        d = os.path.join(self.dir, "compiler-rt")
        os.makedirs(d, exist_ok=True)
        dst = os.path.join(d, "libclang_rt.builtins-i386.a")
        if not os.path.exists(dst):
            os.symlink(self.llvm_rt, dst)

    def link_real(self, tool, as_name=None):
        dst = os.path.join(self.bin, as_name or tool)
        if not os.path.lexists(dst):
            os.symlink(shutil.which(tool), dst)

    # ---- package managers ---------------------------------------------------
    def apt(self, clang_version="14", known=(), fail=()):
        """A fake apt-get, apt-cache and dpkg for a release whose clang is
        clang-N; known: the compiler-rt package names apt-cache knows; fail:
        packages apt-get cannot install. Installing creates the fakes."""
        here = os.path.abspath(__file__)
        self.recorder("apt-get", body=f'''
[ "$1" = update ] && exit 0
for a in "$@"; do
    case " {' '.join(fail)} " in *" $a "*) echo "E: Unable to locate package $a" >&2; exit 100 ;; esac
done
PATH={shlex.quote(os.environ["PATH"])} exec {shlex.quote(sys.executable)} {shlex.quote(here)} install {shlex.quote(self.dir)} "$@"''')
        self.script("apt-cache", f'''
case $1 in
    depends) echo "$2"; echo "  Depends: clang-{clang_version}" ;;
    show) case " {' '.join(known)} " in *" $2 "*) echo "Package: $2" ;; *) exit 100 ;; esac ;;
esac''')
        self.script("dpkg", "exit 0")

    def run(self, argv, env=(), timeout=120):
        """Runs argv in the tree with only this machine's PATH; returns (rc, output)."""
        e = {"PATH": self.bin, "HOME": self.dir, "ORCHARD_OS_RELEASE": self.release,
             "TMPDIR": self.dir}
        e.update(env)
        self.t.log.append(" ".join(shlex.quote(a) for a in argv) + "   # PATH=" + self.bin)
        p = subprocess.run(argv, cwd=ROOT, env=e, capture_output=True, text=True,
                           timeout=timeout, stdin=subprocess.DEVNULL)
        out = p.stdout + p.stderr
        self.t.out += f"$ {' '.join(argv)}\n{out}"
        return p.returncode, out

    def call_log(self):
        with open(self.calls) as f:
            return f.read().splitlines()

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def install(machine_dir, args):
    """The fake apt-get install: the tools each Debian package brings."""
    m = Machine.__new__(Machine)
    m.dir = machine_dir
    m.bin = os.path.join(machine_dir, "bin")
    m.prefix, m.rt, m.llvm_rt = real_toolchain()
    for pkg in [a for a in args if not a.startswith("-") and a != "install"]:
        if pkg == "gcc-i686-linux-gnu":
            m.link_real(m.prefix + "gcc", "i686-linux-gnu-gcc")
        elif pkg == "binutils-i686-linux-gnu":
            for tool in GNU_TOOLS[1:]:
                m.link_real(m.prefix + tool, "i686-linux-gnu-" + tool)
        elif pkg == "clang":
            m.llvm(compiler_rt=False)
        elif pkg.startswith("libclang-rt-") or pkg.startswith("libclang-common-"):
            m.install_compiler_rt()
        elif pkg == "lld":
            m.link_real("ld.lld")
        elif pkg == "llvm":
            for tool in LLVM_TOOLS[1:]:
                m.link_real(tool)
        elif pkg in ("python3", "cpio"):
            m.link_real(pkg)
        elif pkg == "qemu-system-x86":
            m.script("qemu-system-i386", "exit 0")
        elif pkg == "gdb":
            m.script("gdb", "exit 0")
        elif pkg == "gcc":         # the host's compiler, for the unit tests
            real = shutil.which("cc")
            m.script("cc", f'PATH="$PATH:{os.path.dirname(real)}" exec {real} "$@"')
        elif pkg != "libc6-dev":
            print(f"E: Unable to locate package {pkg}")
            return 100
    return 0


if __name__ == "__main__":
    sys.exit(install(sys.argv[2], sys.argv[3:]))
