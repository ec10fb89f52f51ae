#!/usr/bin/env python3
"""Make a lab's student starting point from the reference tree.

The reference kernel is clean code: the part a lab asks students to write
is only fenced by two marker lines,

    // LAB mlfq BEGIN
    ... the reference code ...
    // LAB mlfq END

and the starting point that replaces it lives outside the kernel's
sources, under labs/NAME/ at the same path as the file it goes into:
labs/mlfq/kernel/proc/sched_mlfq.c is what replaces the mlfq region of
kernel/proc/sched_mlfq.c (an empty file: the region just goes). A
starting point builds and boots, but does not do the job, so the lab's
grader (make grade LAB=NAME) fails until the student writes it. Each file
holds at most one region per lab; markers of labs not stripped stay.

Usage:
    striplab.py OUTDIR                                the students' tree: every lab stripped
    striplab.py --lab NAME [--lab NAME ...] OUTDIR   only these labs stripped
    striplab.py --list                                the labs and where their regions are
    striplab.py --check                               regions well formed, one stub each,
                                                      a region for each stub, each lab in
                                                      tools/labs.py with a handout (exit 1 if not)

The tree is the files git tracks (git ls-files), as they are in the working
tree (outside a git checkout: every file but build/); OUTDIR must not exist
yet. The labs are the folders of labs/ (docs/labs/). The students' tree
leaves out what is the instructor's (labs/: the stubs, the
round-trip tests tests/labs/, this script), names the labs it hands out in
labs/OPEN (make test reports their checks as `TODO lab NAME` lines, apart
from the totals) and is a git repository with one commit, ready to hand
out.
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labs as catalogue  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABDIR = os.path.join(ROOT, "labs")
LABS = tuple(sorted(d for d in os.listdir(LABDIR) if os.path.isdir(os.path.join(LABDIR, d))))
MARK = re.compile(r"^\s*// LAB ([\w-]+) (\w+)\s*$")


class RegionError(Exception):
    pass


def stub_path(lab, path):
    return os.path.join(LABDIR, lab, path)


def stub_files():
    """Every (lab, path) that has a stub under labs/."""
    for lab in LABS:
        top = os.path.join(LABDIR, lab)
        for dirpath, _, filenames in os.walk(top):
            for f in filenames:
                yield lab, os.path.relpath(os.path.join(dirpath, f), top)


def regions(text, path="?"):
    """{lab: number of regions} in text; raises RegionError if malformed."""
    found, lab = {}, None
    for lineno, line in enumerate(text.splitlines(), 1):
        m = MARK.match(line)
        if not m:
            continue
        name, what = m.groups()
        if name not in LABS:
            raise RegionError(f"{path}:{lineno}: unknown lab {name!r} (no labs/{name}/)")
        if what not in ("BEGIN", "END") or (what == "BEGIN") != (lab is None) or \
                (what == "END" and name != lab):
            raise RegionError(f"{path}:{lineno}: LAB {name} {what} where "
                              f"{'LAB ' + lab + ' END' if lab else 'a LAB NAME BEGIN'} belongs")
        if what == "END":
            found[name] = found.get(name, 0) + 1
        lab = name if what == "BEGIN" else None
    if lab is not None:
        raise RegionError(f"{path}: LAB {lab} BEGIN is never closed")
    for name, n in found.items():
        if n > 1:
            raise RegionError(f"{path}: {n} regions for lab {name} (one per file: one stub)")
    return found


def strip_text(text, lab, stub, path="?"):
    """text with lab's region (markers included) replaced by stub."""
    regions(text, path)
    out, inside = [], False
    for line in text.splitlines(keepends=True):
        m = MARK.match(line)
        if m and m.group(1) == lab:
            inside = m.group(2) == "BEGIN"
            if inside:
                out.append(stub)
        elif not inside:
            out.append(line)
    return "".join(out)


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


def instructors(f):
    """Whether f stays out of the students' tree."""
    return f.startswith(("tests/labs/", "labs/")) or f == "tools/striplab.py"


OPEN_TEXT = """# The labs still open in this tree, one a line (docs/labs/NAME.md).
# make test reports their checks as "TODO lab NAME" lines, apart from the
# pass/fail totals; delete a lab's line once make grade LAB=NAME gives it
# full marks, and its checks count again.
"""


def make_repo(outdir):
    """One commit holding the whole starting point."""
    env = dict(os.environ, GIT_AUTHOR_NAME="Orchard labs", GIT_AUTHOR_EMAIL="labs@orchard.invalid",
               GIT_COMMITTER_NAME="Orchard labs", GIT_COMMITTER_EMAIL="labs@orchard.invalid")
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"],
                ["git", "commit", "-q", "-m", "Orchard labs: the starting point"]):
        p = subprocess.run(cmd, cwd=outdir, env=env, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"striplab: {' '.join(cmd)} failed in {outdir}: {p.stderr.strip()}")


def marked(f):
    """Whether f is a source file of the tree that may hold regions."""
    return f.endswith((".c", ".h", ".S")) and not f.startswith("labs/")


def candidates(files):
    """{path: {lab: regions}} for the tracked source files with markers."""
    found = {}
    for f in files:
        if marked(f):
            with open(os.path.join(ROOT, f), errors="replace") as fh:
                text = fh.read()
            if "// LAB " in text:
                found[f] = regions(text, f)
    return found


def check(files):
    """Problems: malformed regions, regions without a stub, stubs without a region."""
    problems, have = [], set()
    for f in files:
        if not marked(f):
            continue
        try:
            for lab in candidates([f]).get(f, {}):
                have.add((lab, f))
                if not os.path.isfile(stub_path(lab, f)):
                    problems.append(f"{f}: a LAB {lab} region, but no stub labs/{lab}/{f}")
        except RegionError as e:
            problems.append(str(e))
    for lab, f in stub_files():
        if (lab, f) not in have:
            problems.append(f"labs/{lab}/{f}: a stub, but {f} has no LAB {lab} region")
    for lab in LABS:
        if lab not in catalogue.LABS:
            problems.append(f"labs/{lab}/: no entry in tools/labs.py (its grader's checks)")
        if not os.path.isfile(os.path.join(ROOT, "docs", "labs", lab + ".md")):
            problems.append(f"labs/{lab}/: no handout docs/labs/{lab}.md")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir", nargs="?")
    ap.add_argument("--lab", action="append", default=[], choices=LABS)
    ap.add_argument("--all", action="store_true", help="every lab (the default)")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    files = tracked_files()
    if args.list or args.check:
        problems = check(files)
        for p in problems:
            print(p)
        if args.list and not problems:
            for f, labs in sorted(candidates(files).items()):
                for lab in labs:
                    print(f"{lab:8} {f} <- labs/{lab}/{f}")
        sys.exit(1 if problems else 0)
    labs = set(args.lab or LABS)
    if not args.outdir:
        ap.error("give an OUTDIR")
    if os.path.exists(args.outdir):
        sys.exit(f"striplab: {args.outdir} exists; give a new directory")
    problems = check(files)
    if problems:
        sys.exit("striplab: " + "\nstriplab: ".join(problems))
    count = {lab: 0 for lab in labs}
    for f in files:
        if instructors(f):
            continue
        src, dst = os.path.join(ROOT, f), os.path.join(args.outdir, f)
        os.makedirs(os.path.dirname(dst) or ".", exist_ok=True)
        with open(src, "rb") as fh:
            data = fh.read()
        if marked(f) and b"// LAB " in data:
            text = data.decode()
            for lab in sorted(labs & set(regions(text, f))):
                with open(stub_path(lab, f)) as fh:
                    text = strip_text(text, lab, fh.read(), f)
                count[lab] += 1
            data = text.encode()
        with open(dst, "wb") as fh:
            fh.write(data)
        os.chmod(dst, os.stat(src).st_mode & 0o777)
    for lab in sorted(labs):
        if count[lab] == 0:
            sys.exit(f"striplab: no regions for lab {lab}")
        print(f"striplab: {lab}: {count[lab]} region(s) replaced by the starting point")
    os.makedirs(os.path.join(args.outdir, os.path.dirname(catalogue.OPEN_FILE)), exist_ok=True)
    with open(os.path.join(args.outdir, catalogue.OPEN_FILE), "w") as fh:
        fh.write(OPEN_TEXT + "".join(lab + "\n" for lab in sorted(labs)))
    make_repo(args.outdir)
    print(f"striplab: wrote {args.outdir} (a git repository, one commit)")


if __name__ == "__main__":
    main()
