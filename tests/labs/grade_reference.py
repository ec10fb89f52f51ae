"""make grade-all on the reference solutions: full marks and exit status 0
for every lab, and build/grade/NAME.json in Gradescope's format (tests
with name, score, max_score, output; the total) agreeing with what was
printed. (tests/labs/strip_roundtrip.py: the starting point scores 0.)"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _labtree import LABS, ROOT, grade_all, write_answers  # noqa: E402

slow = True


def run(t):
    answers = write_answers(os.path.join(ROOT, "build", "tests", "labs", "answers"))
    rc, found = grade_all(t, ROOT, answers, "the reference")
    t.check(rc == 0, "make grade-all to exit 0 on the reference")
    for lab in LABS:
        t.check(found[lab] is not None, f"a Score line for {lab}")
        score, top, text, js = found[lab]
        t.check(score == top == 100, f"full marks (100/100) for the reference {lab}, got {score}")
        t.check("FAIL" not in text, f"no FAIL line for {lab}")
        t.check(js is not None and js["score"] == score, f"build/grade/{lab}.json: score {score}")
        tests = js["tests"]
        t.check(all({"name", "score", "max_score", "output"} <= set(x) for x in tests),
                f"{lab}.json: every test has name, score, max_score, output")
        t.check(sum(x["max_score"] for x in tests) == top and
                sum(x["score"] for x in tests) == score, f"{lab}.json: the tests add up")
