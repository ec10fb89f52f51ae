"""A kernel page fault panics with the exception, CR2 and a symbolized backtrace."""
args = "test=fault poweroff"


def check(t):
    t.expect(r"^panic: unhandled trap 14 \(page fault\) in kernel mode$")
    t.expect(r"^trap 14 \(page fault\), error code 2, kernel mode$")
    t.expect(r"cr2 00000000")
    t.expect(r"^  eip c01[0-9a-f]{5} ")
    t.expect(r"^  at fault_here[.a-z0-9]*\+0x[0-9a-f]+ \(0xc01", what="the faulting function is named")
    t.expect(r"^  #\d+ selftest_run\+0x", what="the caller is named in the backtrace")
    t.expect(r"^  #\d+ kmain\+0x", what="kmain is named in the backtrace")
    t.expect(r"^kernel: powering off\.$")
