#!/usr/bin/env python3
"""`make boottime`: wall time from QEMU start to the shell prompt.

Boots build/os.img (our own loader, as `make qemu` does) headless RUNS
times (default 5) and notes when each milestone appears on the serial
console: the loader's first line ("boot: MBR", so the BIOS took until
then), the kernel's banner (the loader's share ends), and the shell's
prompt "$ ". Prints the median of each phase. Wall time swings from run to
run; the kernel's own share in instructions comes from `make bench`
(boot_kernel), which does not.
"""
import os
import statistics
import subprocess
import sys
import time

BUILD = os.environ.get("BUILD", "build")
MILESTONES = [(b"boot: MBR", "bios"), (b"Orchard teaching kernel", "loader"), (b"\n$ ", "kernel")]


def one_boot():
    cmd = ["qemu-system-i386", "-m", "128", "-smp", os.environ.get("CPUS") or "1",
           "-display", "none", "-monitor", "none",
           "-serial", "stdio", "-no-reboot", "-nic", "none", "-snapshot",
           "-drive", f"file={BUILD}/os.img,format=raw,index=0,media=disk"]
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    os.set_blocking(p.stdout.fileno(), False)
    out, seen = b"", {}
    while len(seen) < len(MILESTONES) and time.monotonic() - start < 30:
        chunk = p.stdout.read()
        if chunk:
            out += chunk.replace(b"\r", b"")
            for needle, name in MILESTONES:
                if name not in seen and needle in out:
                    seen[name] = time.monotonic() - start
        else:
            time.sleep(0.002)
    p.kill()
    p.wait()
    if len(seen) < len(MILESTONES):
        sys.exit(f"boottime: a boot did not reach the prompt:\n{out[-1000:].decode(errors='replace')}")
    return seen


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    boots = [one_boot() for _ in range(runs)]
    total = statistics.median(b["kernel"] for b in boots)
    bios = statistics.median(b["bios"] for b in boots)
    loader = statistics.median(b["loader"] - b["bios"] for b in boots)
    kernel = statistics.median(b["kernel"] - b["loader"] for b in boots)
    print(f"boottime: {runs} runs, median to the shell prompt {total * 1000:.0f} ms: "
          f"BIOS {bios * 1000:.0f} ms, our loader {loader * 1000:.0f} ms, "
          f"kernel to prompt {kernel * 1000:.0f} ms")


if __name__ == "__main__":
    main()
