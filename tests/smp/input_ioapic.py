"""Serial and keyboard input reach the kernel through the I/O APIC with a
second CPU up (IRQ 4 and IRQ 1 routed to the boot CPU), and serial input
still works on the 8259 path (smp=off)."""
import importlib.util
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    path = os.path.join(HERE, "..", "boot", name + ".py")
    spec = importlib.util.spec_from_file_location("smp_" + name, path)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def serial(t, args, smp):
    r = t.boot(args=f"{args} test=echo poweroff", input=b"Hi\x7f\r.",
               input_after=r"selftest: echo ready", extra=("-smp", str(smp)))
    got = [int(x) for x in re.findall(r"^echo: (\d+) ", r.out, re.M)]
    return got == [ord("H"), ord("i"), 8, 10], f"echo saw {got}"


def keyboard(t):
    kb = load("keyboard_input")
    plain = t.qemu_command
    t.qemu_command = lambda *a, **k: plain(*a, **k) + ["-smp", "2"]
    try:
        kb.run(t)
        ok = re.search(r"^smp: 2 CPUs up", t.out, re.M) is not None
        return ok, "" if ok else "the second CPU was not up"
    except Exception as e:  # noqa: BLE001 - one result per path
        return False, str(e)
    finally:
        t.qemu_command = plain


def results(t):
    kbd = keyboard(t)           # first: it reads the whole of t.out
    ok, why = serial(t, "", 2)
    if ok and not re.search(r"^smp: 2 CPUs up", t.out, re.M):
        ok, why = False, "the second CPU was not up"
    return [("keyboard_ioapic",) + kbd, ("serial_ioapic", ok, why),
            ("serial_pic",) + serial(t, "smp=off", 1)]
