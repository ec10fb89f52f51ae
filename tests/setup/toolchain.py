"""tools/find-toolchain.sh proves each candidate by compiling and linking
64-bit division for i386, in the documented order, on fake machines: a gcc
whose -m32 libgcc is the 64-bit one is rejected (and setup.sh then wants the
cross compiler); a compiler that compiles but cannot link, or names no
runtime library, is passed over for the next; x86_64-elf- is probed like the
others; clang without compiler-rt is rejected with LLVM=1; V=1 says why."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _fake import Machine  # noqa: E402


def toolchain(m, *args):
    rc, out = m.run(["sh", "tools/find-toolchain.sh", *args], env={"V": "1"})
    lines = out.splitlines()
    found = [line for line in lines if not line.startswith("find-toolchain:")]
    return rc, (found[0] if found else ""), out


def case(t, results, name, setup, check):
    m = Machine(t, name)
    try:
        setup(m)
        ok, why = check(m)
    except Exception as e:          # a broken fake is a failure, not a crash
        ok, why = False, f"{type(e).__name__}: {e}"
    t.out += f"[{name}: {'ok' if ok else why}]\n"
    results.append((name, ok, why))
    m.cleanup()


def expect(m, found, *reasons, args=()):
    rc, line, out = toolchain(m, *args)
    if found is None:
        if rc == 0:
            return False, f"accepted {line!r}; expected no toolchain"
    elif rc != 0 or line.split()[:2] != found.split():
        return False, f"found {line!r} (exit {rc}); expected {found!r}"
    for r in reasons:
        if r not in out:
            return False, f"V=1 did not say {r!r}: {out!r}"
    return True, ""


def results(t):
    r = []
    case(t, r, "gcc_m32_libgcc_64bit", lambda m: m.gnu("", runtime="64bit"),
         lambda m: expect(m, None, "host gcc -m32 rejected: cannot link 64-bit division",
                          "not a 32-bit library?"))

    def setup_wants_cross(m):
        rc, out = m.run(["sh", "tools/setup.sh", "--check", "build"])
        if rc == 0 or "gcc-i686-linux-gnu binutils-i686-linux-gnu" not in out:
            return False, f"setup.sh --check build (exit {rc}) did not want the cross compiler: {out!r}"
        return True, ""
    case(t, r, "setup_wants_cross_for_64bit_libgcc", lambda m: m.gnu("", runtime="64bit"),
         setup_wants_cross)

    def compiles_cannot_link(m):
        m.gnu("i686-elf-", link=False)
        m.gnu("i686-linux-gnu-")
    case(t, r, "compiles_but_cannot_link", compiles_cannot_link,
         lambda m: expect(m, "i686-linux-gnu- -", "i686-elf-gcc rejected: cannot link",
                          "cannot represent machine i386"))

    def no_runtime(m):
        m.gnu("i686-elf-", runtime="none")
        m.gnu("", runtime="real")
    case(t, r, "no_runtime_library", no_runtime,
         lambda m: expect(m, "- -m32", "i686-elf-gcc rejected: no runtime library"))

    def missing_objcopy(m):
        m.gnu("i686-elf-")
        m.remove("i686-elf-objcopy")
    case(t, r, "missing_objcopy", missing_objcopy,
         lambda m: expect(m, None, "i686-elf-gcc rejected: i686-elf-objcopy not found"))

    def order(m):
        for p in ("x86_64-elf-", "i686-linux-gnu-", "i686-elf-"):
            m.gnu(p)
        m.gnu("", runtime="real")
    case(t, r, "order_i686_elf_first", order, lambda m: expect(m, "i686-elf- -"))

    def host_before_x86_64(m):
        m.gnu("x86_64-elf-")
        m.gnu("", runtime="real")
    case(t, r, "host_gcc_m32_before_x86_64_elf", host_before_x86_64,
         lambda m: expect(m, "- -m32", "i686-elf-gcc not found", "i686-linux-gnu-gcc not found"))

    case(t, r, "x86_64_elf_probed_and_taken", lambda m: m.gnu("x86_64-elf-"),
         lambda m: expect(m, "x86_64-elf- -m32"))
    case(t, r, "x86_64_elf_without_multilib_rejected",
         lambda m: m.gnu("x86_64-elf-", runtime="64bit"),
         lambda m: expect(m, None, "x86_64-elf-gcc -m32 rejected: cannot link"))

    case(t, r, "clang_without_compiler_rt", lambda m: m.llvm(compiler_rt=False),
         lambda m: expect(m, None, "LLVM (clang, compiler-rt) rejected: no runtime library",
                          args=("--llvm",)))
    case(t, r, "clang_with_compiler_rt", lambda m: m.llvm(compiler_rt=True),
         lambda m: expect(m, "llvm -", args=("--llvm",)))

    def llvm_missing_lld(m):
        m.llvm()
        m.remove("ld.lld")
    case(t, r, "llvm_without_lld", llvm_missing_lld,
         lambda m: expect(m, None, "LLVM rejected: ld.lld not found", args=("--llvm",)))
    return r
