"""tools/mkimage.py lays the image out as docs/boot.md says (MBR with the stage-2
sector count, stage 2, a checksummed configuration sector, the files on
sector boundaries) and refuses what the loader could not use."""
import os
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from _disk import IMG, KERNEL, MBR, STAGE2, write_file  # noqa: E402


def mkimage(t, *args):
    """Runs mkimage.py; returns (exit status, output)."""
    cmd = ["python3", "tools/mkimage.py", "--quiet", "--mbr", MBR, "--stage2", STAGE2, *args]
    t.log.append(" ".join(cmd))
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def check_layout(t):
    kernel = write_file("disk_mkimage.kernel", bytes(range(256)) * 5 + b"k")     # 1281 bytes
    mod1 = write_file("disk_mkimage.mod1", b"m" * 512)
    mod2 = write_file("disk_mkimage.mod2", b"")
    img = os.path.join(IMG, "disk_mkimage.img")
    status, out = mkimage(t, "--kernel", kernel, "--module", mod1, "--module", f"{mod2}:second one",
                          "--cmdline", "a=1 b", "-o", img)
    t.check(status == 0, f"mkimage failed: {out}")
    with open(img, "rb") as f:
        image = f.read()
    with open(MBR, "rb") as f:
        mbr = f.read()
    with open(STAGE2, "rb") as f:
        stage2 = f.read()
    n = (len(stage2) + 511) // 512
    t.check(image[:0x1BC] == mbr[:0x1BC] and image[510:512] == b"\x55\xaa", "the MBR was not copied")
    t.check(struct.unpack_from("<H", image, 0x1BC)[0] == n, "the MBR does not hold the stage-2 sector count")
    t.check(image[512:512 + len(stage2)] == stage2, "stage 2 is not at LBA 1")
    cfg = image[(1 + n) * 512:(2 + n) * 512]
    t.check(sum(struct.unpack("<128I", cfg)) % 2**32 == 0, "the configuration checksum is wrong")
    magic, version, nfiles, hooks = struct.unpack_from("<4sHHI", cfg)
    t.check((magic, version, nfiles, hooks) == (b"ORBC", 1, 3, 0), f"bad header {magic, version, nfiles, hooks}")
    want = [(kernel, "/boot/disk_mkimage.kernel a=1 b", 1281), (mod1, "/boot/disk_mkimage.mod1", 512),
            (mod2, "second one", 0)]
    next_lba = 2 + n
    for i, (path, string, size) in enumerate(want):
        lba, got_size, soff, reserved = struct.unpack_from("<IIHH", cfg, 16 + 12 * i)
        got_string = cfg[soff:cfg.index(b"\0", soff)].decode()
        t.check((lba, got_size, got_string) == (next_lba, size, string),
                f"file {i}: {(lba, got_size, got_string)}, expected {(next_lba, size, string)}")
        with open(path, "rb") as f:
            t.check(image[lba * 512:lba * 512 + size] == f.read(), f"file {i}'s bytes are not at LBA {lba}")
        next_lba += (size + 511) // 512
    t.check(len(image) == next_lba * 512, "the image is not padded to whole sectors")


def check_refusals(t):
    out = os.path.join(IMG, "disk_mkimage_bad.img")
    mod = write_file("disk_mkimage.small", b"x")
    cases = [(["--kernel", KERNEL] + ["--module", mod] * 16, "at most 16"),
             (["--kernel", KERNEL, "--cmdline", "x" * 500], "holds 512"),
             (["--kernel", KERNEL, "--stage2", KERNEL], "stage-2 signature"),
             (["--kernel", KERNEL, "--mbr", STAGE2], "512 bytes ending 55 aa")]
    for args, message in cases:
        status, text = mkimage(t, *args, "-o", out)
        t.check(status != 0 and message in text, f"mkimage {' '.join(args)[:60]}... did not refuse: {text}")


def run(t):
    os.makedirs(IMG, exist_ok=True)
    check_layout(t)
    check_refusals(t)
