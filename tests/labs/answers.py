"""The graders' answers check (tools/grade.py): answers-NAME.md must exist
and answer each of the handout's questions (docs/labs/NAME.md ends with
`## Questions`, and names its hours) with at least 20 words; a missing
file, a missing answer or a one-line answer fails, saying which."""
import importlib.util
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _labtree import LABS, ROOT, write_answers  # noqa: E402


def run(t):
    spec = importlib.util.spec_from_file_location("grade_answers", os.path.join(ROOT, "tools/grade.py"))
    grade = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(grade)
    folder = os.path.join(ROOT, "build", "tests", "labs", "answers-check")
    shutil.rmtree(folder, ignore_errors=True)
    os.environ["ANSWERS"] = folder
    try:
        for lab in LABS:
            text = open(os.path.join(ROOT, "docs", "labs", f"{lab}.md")).read()
            t.check("**Time.** About " in text, f"docs/labs/{lab}.md names its hours")
            t.check(len(grade.questions(lab)) >= 3, f"docs/labs/{lab}.md ends with questions")
            ok, why = grade.check_answers(lab)
            t.check(not ok and "no answers-" in why[0], f"{lab}: a missing file fails: {why}")
        write_answers(folder)
        for lab in LABS:
            ok, why = grade.check_answers(lab)
            t.check(ok, f"{lab}: full answers pass: {why}")
        path = os.path.join(folder, "answers-prio.md")
        full = open(path).read()
        open(path, "w").write(full.replace("## 2\n", "## 2\n\nI do not know.\n\n## 9\n"))
        ok, why = grade.check_answers("prio")
        t.check(not ok and any(w.startswith("question 2: 4 words") for w in why),
                f"a four-word answer fails, saying which question: {why}")
        open(path, "w").write(full.split("## 3")[0])
        ok, why = grade.check_answers("prio")
        t.check(not ok and any(w.startswith("question 3: 0 words") for w in why),
                f"a missing answer fails: {why}")
    finally:
        del os.environ["ANSWERS"]
