"""64-bit division works in the kernel (libgcc / compiler-rt is linked)."""
args = "test=divide64 poweroff"


def check(t):
    v = 0x123456789ABCDEF
    t.expect(rf"^selftest: divide64 {v // 1000003} {v % 1000003}$")
