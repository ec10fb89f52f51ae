"""The kernel prints its boot cost in instructions only when told that the
machine counts instructions (boot option icount, which make bench passes
with QEMU's -icount): an ordinary boot's log holds no such line, and under
-icount the figure is a plausible instruction count. At one CPU: starting
other CPUs waits (the start-up protocol's delays, the APIC timer's
calibration), and the time stamp counts those waits too."""
import os

LINE = r"^boot: (\d+) instructions in the kernel before init$"
END = r"^exit status: -?\d+$"


def run(t):
    initrd = os.path.join("build", "initramfs.cpio")
    args = f"poweroff run={b'true'.hex()}"
    plain = t.boot(args=args, timeout=30, until=END, initrd=initrd)
    t.expect(END, plain.out, "the ordinary boot to run `true`")
    t.check("instructions in the kernel" not in plain.out,
            "an ordinary boot (no icount option) prints no instruction count")
    counted = t.boot(args="icount " + args, timeout=30, until=END, initrd=initrd,
                     extra=("-icount", "shift=0,sleep=off", "-smp", "1"))
    m = t.expect(LINE, counted.out, "the boot cost under icount")
    t.check(100000 < int(m.group(1)) < 5000000, f"{m.group(1)} instructions: not an instruction count")
