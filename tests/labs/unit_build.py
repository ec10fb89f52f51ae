"""make grade and make test build the host unit tests the same way (one
function, tools/testrun.py's unit_build: ASan, UBSan, -Werror). A copy of
the tree with an out-of-bounds write planted in mlfq_init (one queue past
the end) must fail the mlfq unit tests under both, as the reference passes
them under both; before, grade.py's own build (no sanitizers) gave it full
marks while make test failed it."""
import importlib.util
import os
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLANT = ("        for (int l = 0; l < MLFQ_LEVELS; l++)\n            list_init(&queues[c][l]);\n",
         "        for (int l = 0; l < MLFQ_LEVELS; l++)\n            list_init(&queues[c][l]);\n"
         "        list_init((struct list *)((char *)queues + sizeof queues));\n")


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, os.path.join(ROOT, path))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def mlfq_passes_grade(grade, root):
    groups, err = grade.run_unit(root)
    mine = {g: ok for g, (ok, _) in (groups or {}).items() if g.startswith("mlfq:")}
    return bool(mine) and all(mine.values()), groups, err


def mlfq_passes_test(testrun, root):
    exe, err = testrun.unit_build("tests/unit/test_sched_policies.c", root)
    if exe is None:
        return False, err
    p = subprocess.run([exe], cwd=root, capture_output=True, text=True, timeout=120)
    ok = p.returncode == 0 and "PASS mlfq:" in p.stdout
    return ok, p.stdout[-1500:] + p.stderr[-1500:]


def run(t):
    testrun = load("testrun_for_unit_build", "tools/testrun.py")
    grade = load("grade_for_unit_build", "tools/grade.py")
    t.check(mlfq_passes_grade(grade, ROOT)[0], "the reference passes the mlfq unit tests (grade)")
    t.check(mlfq_passes_test(testrun, ROOT)[0], "the reference passes the mlfq unit tests (test)")
    copy = os.path.join(ROOT, "build", "tests", "labs", "unit_oob")
    shutil.rmtree(copy, ignore_errors=True)
    for d in ("kernel", "tests/unit"):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(copy, d))
    path = os.path.join(copy, "kernel/proc/sched_mlfq.c")
    src = open(path).read()
    t.check(PLANT[0] in src, "mlfq_init's loop is where the plant expects it")
    open(path, "w").write(src.replace(PLANT[0], PLANT[1]))
    ok, groups, err = mlfq_passes_grade(grade, copy)
    t.out += f"\n[grade on the planted copy: {groups} {err}]\n"
    t.check(not ok, "make grade's unit build to catch the out-of-bounds write in mlfq_init")
    ok, out = mlfq_passes_test(testrun, copy)
    t.out += f"\n[make test's unit build on the planted copy:]\n{out}\n"
    t.check(not ok, "make test's unit build to catch the out-of-bounds write in mlfq_init")
