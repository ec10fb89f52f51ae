"""The MBR's own checks: no stage-2 signature, no stage-2 sector count (mkimage.py
not run), and a BIOS read error (the disk ends before stage 2 does)."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import KERNEL, boot_error, mkimage, write_file  # noqa: E402


def run(t):
    good_path = mkimage(t, "disk_mbr_errors.img", f"--kernel {KERNEL}")
    with open(good_path, "rb") as f:
        good = f.read()
    signature = bytearray(good)
    signature[512:516] = bytes(4)
    count = bytearray(good)
    struct.pack_into("<H", count, 0x1BC, 0)
    short = bytearray(good[:2 * 512])                           # MBR + 1 sector of stage 2
    struct.pack_into("<H", short, 0x1BC, 64)
    cases = [(signature, r"no stage 2 signature"),
             (count, r"bad stage 2 sector count in the MBR"),
             (short, r"disk read error loading stage 2")]
    for i, (data, pattern) in enumerate(cases):
        path = write_file(f"disk_mbr_errors_{i}.img", data)
        boot_error(t, path, pattern, f"the MBR did not say '{pattern}'")
        t.expect(r"^boot: MBR: loading stage 2", what="the MBR's first message is missing")
