"""The build does not depend on GNU-only output or flags: the boot loader's
size checks pass with a wc that pads its count (as BSD and macOS wc do),
and no build script uses `sed -i`, `readlink -f`, `stat` or a `mktemp`
template."""
import os
import re
import shlex
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("BUILD", "build")
SCRIPTS = ["Makefile", "boot/boot.mk", "user/user.mk", "tools/setup.sh", "tools/find-toolchain.sh",
           "tools/fresh-check.sh"]
GNU_ONLY = [(r"\bsed\s+(-\w+\s+)*-i", "sed -i"), (r"\breadlink\s+-f", "readlink -f"),
            (r"\bstat\s+-", "stat"), (r"\bmktemp\b[^\n;|]*X{3,}", "a mktemp template")]


def run(t):
    out_dir = os.path.join(ROOT, BUILD, "tests", "setup", "padded-wc")
    shutil.rmtree(out_dir, ignore_errors=True)
    fake = os.path.join(out_dir, "fakebin")
    os.makedirs(fake)
    used = os.path.join(out_dir, "wc-used")
    real = shutil.which("wc")
    with open(os.path.join(fake, "wc"), "w") as f:
        f.write(f'#!/bin/sh\necho "$*" >> {shlex.quote(used)}\n'
                f'printf "%8s\\n" "$({shlex.quote(real)} "$@")"\n')
    os.chmod(os.path.join(fake, "wc"), 0o755)
    build = os.path.join(out_dir, "build")
    targets = [f"{build}/boot/mbr.bin", f"{build}/boot/stage2.bin"]
    env = {**os.environ, "PATH": fake + os.pathsep + os.environ["PATH"]}
    argv = ["make", "-s", f"BUILD={build}", *targets]
    t.log.append(" ".join(argv) + "   # with a padding wc first in PATH")
    p = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    t.out += p.stdout + p.stderr
    t.check(os.path.exists(used), "the padding wc was never run (the test proves nothing)")
    t.check(p.returncode == 0, f"the boot loader does not build with a padding wc: {p.stderr[-300:]}")
    for target in targets:
        t.check(os.path.exists(target), f"{target} was not built")

    for script in SCRIPTS:
        with open(os.path.join(ROOT, script)) as f:
            text = "\n".join(line for line in f.read().splitlines()
                             if not line.lstrip().startswith("#"))
        for pattern, what in GNU_ONLY:
            m = re.search(pattern, text)
            t.check(not m, f"{script} uses {what}: {m and m.group(0)!r}")
    shutil.rmtree(out_dir, ignore_errors=True)
