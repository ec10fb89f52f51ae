"""Shared by tests/labs/*.py: answers that satisfy the graders' answers
check (the handouts' questions, each answered at length), and grading a
tree with tools/grade.py --all."""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from labs import LABS  # noqa: E402


def write_answers(folder):
    """answers-NAME.md for every lab: each question answered in 25 words."""
    os.makedirs(folder, exist_ok=True)
    for lab in LABS:
        text = open(os.path.join(ROOT, "docs", "labs", f"{lab}.md")).read()
        qs = re.findall(r"^(\d+)\. ", text.split("\n## Questions", 1)[1], re.M)
        with open(os.path.join(folder, f"answers-{lab}.md"), "w") as f:
            for q in qs:
                f.write(f"## {q}\n\n" + " ".join(f"reason{i}" for i in range(25)) + "\n\n")
    return folder


def grade_all(t, tree, answers, what):
    """Runs grade.py --all in tree; {lab: (score, max, stdout section, json)}."""
    p = subprocess.run(["python3", "tools/grade.py", "--all"], cwd=tree, capture_output=True,
                       text=True, timeout=900, env=dict(os.environ, ANSWERS=answers))
    t.out += f"\n$ make grade-all  ({what})\n" + p.stdout + p.stderr
    found = {}
    for lab in LABS:
        m = re.search(rf"^== lab {lab} .*?^Score: (\d+)/(\d+)$", p.stdout, re.S | re.M)
        path = os.path.join(tree, "build", "grade", f"{lab}.json")
        js = json.load(open(path)) if os.path.exists(path) else None
        found[lab] = (int(m.group(1)), int(m.group(2)), m.group(0), js) if m else None
    return p.returncode, found
