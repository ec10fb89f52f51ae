#!/usr/bin/env python3
"""Make a lab's student starting point from the reference tree.

The reference code a lab asks students to write is marked in the source:

    // LAB prio BEGIN
    ... the reference code ...
    // LAB prio STUB
    // ... the starting point, commented out, one "// " per line ...
    // LAB prio END

Stripping lab NAME replaces each of its regions by its stub (uncommented):
code that still builds and boots, but does not do the job, so the lab's
grader (make grade LAB=NAME) fails until the student writes it. Markers of
other labs are kept as they are.

Usage:
    striplab.py --lab NAME [--lab NAME ...] OUTDIR   copy the tree to OUTDIR, stripped
    striplab.py --all OUTDIR                          strip every lab
    striplab.py --list                                the labs and where their regions are
    striplab.py --check                               every region well formed (exit 1 if not)

The tree is the files git tracks (git ls-files), as they are in the working
tree (outside a git checkout: every file but build/); OUTDIR must not exist
yet. Labs: syscall, prio, mlfq, lottery, stride
(docs/labs/).
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABS = ("syscall", "prio", "mlfq", "lottery", "stride")
MARK = re.compile(r"^\s*// LAB (\w+) (BEGIN|STUB|END)\s*$")


class RegionError(Exception):
    pass


def strip_text(text, labs, path="?"):
    """Returns (new text, regions stripped); raises RegionError if malformed."""
    out, n = [], 0
    lab, part = None, None              # inside a region: its lab and BEGIN/STUB
    for lineno, line in enumerate(text.splitlines(keepends=True), 1):
        m = MARK.match(line)
        if m:
            name, what = m.groups()
            if name not in LABS:
                raise RegionError(f"{path}:{lineno}: unknown lab {name!r}")
            expected = {None: "BEGIN", "BEGIN": "STUB", "STUB": "END"}[part]
            if what != expected or (lab is not None and name != lab):
                raise RegionError(f"{path}:{lineno}: LAB {name} {what} where LAB "
                                  f"{lab or name} {expected} belongs")
            lab, part = (None, None) if what == "END" else (name, what)
            if what == "END" and name in labs:
                n += 1
            if name not in labs:
                out.append(line)
            continue
        if lab is None or lab not in labs:
            out.append(line)
        elif part == "STUB":
            if line.rstrip("\n") == "//":
                out.append("\n")
            elif line.startswith("// "):
                out.append(line[3:])
            else:
                raise RegionError(f"{path}:{lineno}: a stub line must start with '// '")
        # part == "BEGIN" in a stripped lab: the reference code goes
    if lab is not None:
        raise RegionError(f"{path}: LAB {lab} {part} is never closed")
    return "".join(out), n


def tracked_files():
    """The files git tracks; outside a git checkout, every file but build/."""
    p = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    if p.returncode == 0:
        return [f for f in p.stdout.decode().split("\0") if f and os.path.isfile(os.path.join(ROOT, f))]
    files = []
    for dirpath, dirnames, filenames in os.walk(ROOT):
        if dirpath == ROOT:
            dirnames[:] = [d for d in dirnames if d not in ("build", ".git")]
        files += [os.path.relpath(os.path.join(dirpath, f), ROOT) for f in filenames]
    return sorted(files)


def candidates(files):
    """The tracked text files that contain LAB markers."""
    for f in files:
        if not f.endswith((".c", ".h", ".S")) or f == "tools/striplab.py":
            continue
        with open(os.path.join(ROOT, f), errors="replace") as fh:
            text = fh.read()
        if "// LAB " in text:
            yield f, text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir", nargs="?")
    ap.add_argument("--lab", action="append", default=[], choices=LABS)
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    files = tracked_files()
    if args.list or args.check:
        bad = 0
        for f, text in candidates(files):
            try:
                for lab in LABS:
                    _, n = strip_text(text, {lab}, f)
                    if n and args.list:
                        print(f"{lab:8} {f}: {n} region(s)")
            except RegionError as e:
                print(e)
                bad += 1
        sys.exit(1 if bad else 0)
    labs = set(LABS) if args.all else set(args.lab)
    if not labs or not args.outdir:
        ap.error("say which labs (--lab NAME or --all) and an OUTDIR")
    if os.path.exists(args.outdir):
        sys.exit(f"striplab: {args.outdir} exists; give a new directory")
    count = {lab: 0 for lab in labs}
    for f in files:
        src, dst = os.path.join(ROOT, f), os.path.join(args.outdir, f)
        os.makedirs(os.path.dirname(dst) or ".", exist_ok=True)
        with open(src, "rb") as fh:
            data = fh.read()
        if f.endswith((".c", ".h", ".S")) and b"// LAB " in data and f != "tools/striplab.py":
            text = data.decode()
            for lab in labs:
                text, n = strip_text(text, {lab}, f)
                count[lab] += n
            data = text.encode()
        with open(dst, "wb") as fh:
            fh.write(data)
        os.chmod(dst, os.stat(src).st_mode & 0o777)
    for lab in sorted(labs):
        if count[lab] == 0:
            sys.exit(f"striplab: no regions for lab {lab}")
        print(f"striplab: {lab}: {count[lab]} region(s) replaced by the starting point")
    print(f"striplab: wrote {args.outdir}")


if __name__ == "__main__":
    main()
