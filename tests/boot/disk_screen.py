"""The loader's lines also reach the VGA text screen (read back from its memory at
0xB8000 over QMP), from the MBR and from stage 2, an error included."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import IMG, mkimage, qemu_with_qmp  # noqa: E402


def screen_after_error(t, img):
    """Boots img until the loader's error line, then returns the 25 lines
    of text on the screen (80 cells each: character byte, colour byte)."""
    dump = os.path.join(IMG, "disk_screen.vga")
    with qemu_with_qmp(t, img, "disk_screen", rb"boot: error: .*\n", 10) as (_, save):
        t.expect(r"^boot: error: no kernel in the image", what="no error line on the serial port")
        t.check("return" in save(0xB8000, 80 * 25 * 2, dump), "could not read the screen's memory")
    with open(dump, "rb") as f:
        cells = f.read()[::2].decode("latin-1")
    return [cells[i:i + 80].rstrip() for i in range(0, len(cells), 80)]


def run(t):
    img = mkimage(t, "disk_screen.img", "--no-kernel")
    lines = screen_after_error(t, img)
    t.out += "\n[the screen]\n" + "\n".join(lines) + "\n"
    for want in (r"^boot: MBR: loading stage 2$", r"^boot: stage 2 at 0x7e00 ",
                 r"^boot: error: no kernel in the image"):
        t.check(any(re.search(want, line) for line in lines), f"no line /{want}/ on the screen")
