"""Characters typed on the serial console reach the kernel (IRQ 4), in order."""
args = "test=echo poweroff"
input_after = r"selftest: echo ready"
input = b"Hi\x7f\r."


def check(t):
    got = [int(x) for x in __import__("re").findall(r"^echo: (\d+) ", t.out, __import__("re").M)]
    t.check(got == [ord("H"), ord("i"), 8, 10], f"echo saw {got}, expected H i backspace newline")
    t.expect(r"^selftest: echo done$")
