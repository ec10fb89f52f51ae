"""`make LLVM=1` (clang --target=i686-elf, ld.lld, compiler-rt) builds a kernel
that boots, divides 64-bit numbers and symbolizes a panic."""
slow = True


def run(t):
    t.sh("make -s LLVM=1 BUILD=build/llvm", timeout=900)
    kernel = "build/llvm/kernel.elf"
    r = t.boot(kernel=kernel, args="test=divide64 poweroff")
    v = 0x123456789ABCDEF
    t.expect(rf"^selftest: divide64 {v // 1000003} {v % 1000003}$", r.out)
    r = t.boot(kernel=kernel, args="test=fault poweroff")
    t.expect(r"^panic: unhandled trap 14 \(page fault\)", r.out)
    t.expect(r"^  #\d+ kmain\+0x", r.out, what="the LLVM kernel's backtrace is symbolized")
