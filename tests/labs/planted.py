"""A planted bug per lab loses the points it should, and only those: a copy
of the reference with one bug in each lab's code, graded by make
grade-all, scores each lab's total less exactly the checks the bug breaks
(each printed as FAIL), while the other checks still pass."""
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _labtree import LABS, ROOT, grade_all, write_answers  # noqa: E402

slow = True

# lab: (file, reference text, planted text, the checks it must fail[, 0:
# the plant breaks a gate, so the score is 0 and more checks may fail])
PLANTS = {
    "syscall": ("user/ps.c", "have ? st.response : -1", "-1", ["ps -s"]),
    "prio": ("kernel/proc/sched_prio.c", "static bool prio_preempts(struct proc *p, struct proc *running)\n{\n",
             "static bool prio_preempts(struct proc *p, struct proc *running)\n{\n"
             "    if (p)\n        return false;\n", ["prio"]),
    "mlfq": ("kernel/proc/sched_mlfq.c", "#define MLFQ_BOOST 100 ", "#define MLFQ_BOOST 1000 ",
             ["mlfq_demote", "mlfq_boost", "mlfq"]),
    "lottery": ("kernel/proc/sched_lottery.c",
                'rng = (uint32_t)cmdline_get_int("schedseed", (int)LOTTERY_SEED);',
                "rng = LOTTERY_SEED;", ["schedseed"]),
    "stride": ("kernel/proc/sched_stride.c", "return STRIDE1 / (uint32_t)p->sched.tickets;",
               "return STRIDE1 / ((uint32_t)p->sched.tickets + 1);", ["stride_share", "stride"]),
    # argc's slot 4 bytes below its 16-byte boundary: every program is
    # misaligned, but the layout stays whole (an off-by-4 that made the
    # argv array overlap the strings would break every program's argv,
    # sh -c's included, and with it every other lab's boot).
    "exec-stack": ("kernel/proc/exec.c", "(base - argv_bytes - 8) & ~15u;",
                   "((base - argv_bytes - 8) & ~15u) - 4;", ["exec_stack", "stack_align"]),
    # fork gives the child a copy of every page at once (isolated and
    # exact, as the starting point, but at a frame a page): the cost
    # checks fail, and the out-of-memory gates with them (a fork now needs
    # the frames the tests leave it). (A plant that broke isolation or leaked would break
    # every lab's boot under rr, since the labs are graded together.)
    "cow": ("kernel/mm/vm.c", "    *cpte = *ppte;\n    frame_get(PTE_ADDR(*ppte));\n",
            "    uint32_t pa = frame_alloc();\n    if (!pa)\n        return -1;\n"
            "    page_copy(P2V(pa), P2V(PTE_ADDR(*ppte)));\n    *cpte = pa | (*ppte & 0xFFF);\n",
            ["vm_cow", "cow_forks", "leak_cow"], 0),   # and the OOM gates: score 0
    # A fresh heap or stack page is not zeroed: it holds what the frame
    # held before (another process's data, too). The stack's gate fails
    # with them: the score is 0.
    "lazy": ("kernel/mm/vm.c", "    page_zero(P2V(pa));\n    *pte = pa | perm | PTE_P;\n    return 0;\n}\n",
             "    *pte = pa | perm | PTE_P;\n    return 0;\n}\n", ["vm_heap", "sbrk"], 0),   # vm_stack too
    # A stop is never recorded for the parent: waitpid(WUNTRACED) waits
    # for it until the test's watchdog. signal_wait is a check of the
    # signals lab too, and signal_storm (a stop on the other CPU) is one.
    "suspend": ("kernel/proc/proc.c", "        p->stop_report = sig;\n", "        p->stop_report = sig & 0;\n",
                ["signal_wait"]),
    # Placement counts only whether a CPU is running something, not what is
    # queued there: 2 x ncpu spinners pile up 3 to 1, unfairly.
    "smp": ("kernel/proc/sched.c", "    return c->nready + (c->proc != c->idle && c->proc != p);\n",
            "    return c->proc != c->idle && c->proc != p;\n", ["smp_balance"]),
    # A zombie handed to init does not wake it: the orphan lingers until
    # some other child of init happens to exit. sh_reap's shell exits with
    # zombie jobs of its own, which then linger too: that gate of the wait
    # lab fails, so the score is 0.
    "wait": ("kernel/proc/proc.c", "    if (zombies)\n        waitq_wake_all(&init_proc->child_exit);\n",
             "    (void)zombies;\n", ["orphans"], 0),
    # Donation stops at the first holder: a holder that itself waits
    # passes nothing on, so a chain stays inverted (one link still works).
    "donate": ("kernel/proc/mutex.c", "        m = holder->waiting_for;\n", "        m = 0;\n",
               ["prio_donate_chain"]),
    # sigreturn leaves the FPU as the handler left it: the interrupted
    # computation sees the handler's x87 stack and MXCSR. (Not the classic
    # unsanitized EFLAGS: with VM set, the kernel's own iret would read
    # past the top of its stack and panic, which ends every lab's boot.)
    "signals": ("kernel/arch/x86/sigframe.c", "    fpu_restore(&fpu);\n", "    (void)fpu;\n",
                ["signal_fault", "signal_wait", "signal_storm"]),   # the last two: suspend's plant
}


def run(t):
    tree = os.path.join(ROOT, "build", "tests", "labs", "planted")
    shutil.rmtree(tree, ignore_errors=True)
    shutil.copytree(ROOT, tree, ignore=lambda d, names: [n for n in names if n in ("build", ".git")]
                    if d == ROOT else [])
    for lab, (path, ref, bug, *_) in PLANTS.items():
        src = open(os.path.join(tree, path)).read()
        t.check(src.count(ref) == 1, f"{path}: the plant for {lab} finds its place")
        open(os.path.join(tree, path), "w").write(src.replace(ref, bug))
    t.sh(f"make -s -C {tree} -j2", timeout=900)
    answers = write_answers(os.path.join(ROOT, "build", "tests", "labs", "answers"))
    _, found = grade_all(t, tree, answers, "one bug planted per lab")
    for lab, (path, _, bug, broken, *zero) in PLANTS.items():
        t.check(found[lab] is not None, f"a Score line for {lab}")
        score, top, text, js = found[lab]
        lost = {x["name"].split(":")[0]: x["max_score"] for x in js["tests"]}
        want = top - sum(lost[name] for name in broken)
        failed = re.findall(r"^  FAIL +\S+ +([^:]+):", text, re.M)
        if zero:    # a gate breaks: those checks among the failures, and 0 points
            want = 0
            t.check(set(broken) <= set(failed),
                    f"{lab} with `{bug.strip()}` in {path}: {broken} to fail, got {failed}")
        else:
            t.check(sorted(failed) == sorted(broken),
                    f"{lab} with `{bug.strip()}` in {path}: exactly {broken} to fail, got {failed}")
        t.check(score == want, f"{lab}: {want}/{top} with the plant, got {score}")
