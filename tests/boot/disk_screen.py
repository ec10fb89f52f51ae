"""The loader's lines also reach the VGA text screen (read back from its memory at
0xB8000 over QMP), from the MBR and from stage 2, an error included."""
import json
import os
import re
import socket
import subprocess
import time

BUILD = os.environ.get("BUILD", "build")
IMG = os.path.join(BUILD, "tests", "img")
MKIMAGE = (f"python3 tools/mkimage.py --quiet --mbr {BUILD}/boot/mbr.bin "
           f"--stage2 {BUILD}/boot/stage2.bin")


def qmp(f, command, **arguments):
    f.write(json.dumps({"execute": command, "arguments": arguments}) + "\n")
    f.flush()
    while True:
        reply = json.loads(f.readline())
        if "return" in reply or "error" in reply:
            return reply


def screen_after_error(t, img):
    """Boots img until the loader's error line, then returns the 25 lines
    of text on the screen (80 cells each: character byte, colour byte)."""
    sock = os.path.abspath(os.path.join(IMG, "disk_screen.qmp"))
    dump = os.path.abspath(os.path.join(IMG, "disk_screen.vga"))
    if os.path.exists(sock):
        os.unlink(sock)
    cmd = t.qemu_command(boot="disk", image=img, extra=["-qmp", f"unix:{sock},server=on,wait=off"])
    t.log.append(" ".join(cmd))
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    out = b""
    try:
        deadline = time.monotonic() + 10
        os.set_blocking(p.stdout.fileno(), False)
        while not re.search(rb"boot: error: .*\n", out):
            if time.monotonic() > deadline or p.poll() is not None:
                break
            out += p.stdout.read() or b""
            time.sleep(0.02)
        t.out += out.decode("latin-1").replace("\r", "")
        t.expect(r"^boot: error: no kernel in the image", what="no error line on the serial port")
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(sock)
            f = s.makefile("rw")
            json.loads(f.readline())
            qmp(f, "qmp_capabilities")
            t.check("return" in qmp(f, "pmemsave", val=0xB8000, size=80 * 25 * 2, filename=dump),
                    "could not read the screen's memory")
    finally:
        p.kill()
        p.wait()
    with open(dump, "rb") as f:
        cells = f.read()[::2].decode("latin-1")
    return [cells[i:i + 80].rstrip() for i in range(0, len(cells), 80)]


def run(t):
    img = os.path.join(IMG, "disk_screen.img")
    t.sh(f"{MKIMAGE} --no-kernel -o {img}")
    lines = screen_after_error(t, img)
    t.out += "\n[the screen]\n" + "\n".join(lines) + "\n"
    for want in (r"^boot: MBR: loading stage 2$", r"^boot: stage 2 at 0x7e00 ",
                 r"^boot: error: no kernel in the image"):
        t.check(any(re.search(want, line) for line in lines), f"no line /{want}/ on the screen")
