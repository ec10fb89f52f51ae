"""A damaged boot configuration sector is refused: wrong magic, and a flipped
byte that only the checksum catches."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import IMG, KERNEL, MBR, STAGE2, boot_error, write_file  # noqa: E402


def run(t):
    img = os.path.join(IMG, "disk_bad_config.img")
    # Not --quiet: the layout it prints says where the configuration is.
    layout = t.sh(f"python3 tools/mkimage.py --mbr {MBR} --stage2 {STAGE2} --kernel {KERNEL} -o {img}")
    lba = int(re.search(r"LBA\s+(\d+)\s+512 bytes\s+boot configuration", layout).group(1))
    with open(img, "rb") as f:
        good = f.read()
    cases = [(0, r"no boot configuration at LBA \d+ \(magic "),        # the magic
             (60, r"the boot configuration at LBA \d+ is corrupt")]    # a padding byte
    for i, (offset, pattern) in enumerate(cases):
        bad = bytearray(good)
        bad[lba * 512 + offset] ^= 0x20
        path = write_file(f"disk_bad_config_{i}.img", bad)
        boot_error(t, path, pattern, f"a configuration sector with byte {offset} changed was accepted")
