"""A failed ASSERT names the condition, file:line and the calling functions."""
args = "test=assert poweroff"


def check(t):
    t.expect(r"^panic: assertion failed: one == 2$")
    t.expect(r"^  at kernel/core/selftest\.c:\d+$")
    t.expect(r"^  #\d+ test_assert\+0x")
    t.expect(r"^  #\d+ kmain\+0x")
