"""The labs, one entry each: what the grader checks (tools/grade.py) and
which of make test's results are the lab's own (tools/testrun.py reports
them as `TODO lab NAME` in a student tree while the lab is open).

A check is (points, kind, name, what it proves). Points 0 make it a gate:
required, not scored (a failed gate makes the whole score 0, as code the
student did not write earns nothing). The kinds:
  guest   an in-guest property test of /schedtest, under the lab's policy
  test    an in-guest test of the process suite (/test), under the lab's policy
  unit    the host unit groups "NAME: ..." (tests/unit/test_sched_policies.c)
  suite   the process suite passes under the lab's policy as under rr (under
          rr itself: every test of the suite that is no lab's check passes)
  ps      ps -s shows what schedstat returns
  seed    schedseed= changes the lottery's draws, and the same seed repeats them
Every lab also has the gate answers-NAME.md (the handout's questions).

The student tree names its open labs in labs/OPEN (tools/striplab.py
writes it); TODO patterns are regular expressions searched in a result's
name as make test prints it (e.g. "tests/unit/test_sched_policies: prio: ...").
"""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPEN_FILE = "labs/OPEN"


class Lab:
    def __init__(self, policy, checks, todo):
        self.policy = policy
        self.checks = checks
        self.todo = todo


# Results that cannot pass while any scheduling policy is still a stub:
# the trace's promised shares (tests/sched/trace.py, demo.py) and the
# graders' own round trip live in the instructor's tree only.
LABS = {
    "syscall": Lab("rr", [
        (70, "guest", "syscall_schedstat",
         "schedstat(pid, &st): response and turnaround of live and zombie processes; -1 for "
         "a bad pid or pointer"),
        (30, "ps", "ps -s", "ps -s shows each process's response time (the RESP column)"),
    ], [r"/syscall_schedstat\b", r"^tests/sched/trace\b"]),
    "prio": Lab("prio", [
        (30, "guest", "prio_order", "the highest-priority ready process always runs"),
        (25, "guest", "prio_rr", "round-robin among equal priorities; lower ones wait"),
        (25, "guest", "prio_wakeup", "a wakeup preempts a lower-priority process at once"),
        (20, "unit", "prio", "the policy alone (host unit tests)"),
        (0, "suite", "suite", "the process suite passes under prio as under rr"),
    ], [r"test_sched_policies: prio:", r"/prio_\w+$", r"^tests/sched/(trace|demo)\b"]),
    "mlfq": Lab("mlfq", [
        (30, "guest", "mlfq_demote", "a CPU-bound job moves down at the documented allotments"),
        (25, "guest", "mlfq_io", "an I/O-bound job stays at the top"),
        (25, "guest", "mlfq_boost", "the boost rescues a starved job every 100 ticks"),
        (20, "unit", "mlfq", "the policy alone (host unit tests)"),
        (0, "suite", "suite", "the process suite passes under mlfq as under rr"),
    ], [r"test_sched_policies: mlfq:", r"/mlfq_\w+$", r"^tests/sched/(trace|demo)\b"]),
    "lottery": Lab("lottery", [
        (50, "guest", "lottery_share", "30:20:10 tickets give 50/33/17% +-5 points over 2000 ticks"),
        (25, "seed", "schedseed", "schedseed= changes the draws; the same seed repeats them"),
        (25, "unit", "lottery", "the policy alone (host unit tests)"),
        (0, "guest", "any_calls", "settickets and getpinfo work as specified"),
        (0, "suite", "suite", "the process suite passes under lottery as under rr"),
    ], [r"test_sched_policies: lottery:", r"/lottery_\w+$", r"^tests/sched/(trace|demo)\b"]),
    "stride": Lab("stride", [
        (70, "guest", "stride_share", "30:20:10 tickets give exact shares, within one tick"),
        (30, "unit", "stride", "the policy alone (host unit tests)"),
        (0, "guest", "any_calls", "tickets and getpinfo still work"),
        (0, "suite", "suite", "the process suite passes under stride as under rr"),
    ], [r"test_sched_policies: stride:", r"/stride_\w+$", r"^tests/sched/(trace|demo)\b"]),
    "exec-stack": Lab("rr", [
        (60, "test", "exec_stack", "the strings, argv[], argv, argc and the zero return address, "
                                   "byte by byte, for 0 to 8 and 64 arguments, empty and long ones"),
        (40, "test", "stack_align", "(esp + 4) % 16 == 0 at main's entry, for 0 to 9 and 60 arguments"),
        (0, "test", "exec_args", "exec passes argv exactly, up to MAXARG and MAXARGLEN"),
        (0, "suite", "suite", "the rest of the process suite passes"),
    ], [r"/(exec_stack|stack_align)$"]),
    "cow": Lab("rr", [
        (40, "test", "vm_cow", "fork copies no page; the first write copies one, on the "
                               "writer's side only; three-way sharing; kernel writes respect it"),
        (40, "test", "cow_forks", "1,000 forks cost fewer than 16 frames each, and free memory "
                                  "is exactly where it was after them"),
        (0, "test", "fork_cow", "fork isolates parent and child (heap, stack, data, bss)"),
        (20, "test", "leak_cow", "both sides writing everything: the copies cost what they "
                                 "should, and no frame leaks"),
        (0, "test", "vm_oom", "running out of memory in a COW fault kills only the faulting process"),
        (0, "test", "leak_oom", "out-of-memory kills leak nothing"),
        (0, "test", "oom_victim", "the out-of-memory victim's one-line report"),
        (0, "suite", "suite", "the rest of the process suite passes"),
    ], [r"/(vm_cow|cow_forks|leak_cow|vm_oom|leak_oom|oom_victim)$",
        r"^tests/bench/goals\b"]),     # fork_exit_wait's cost: a copying fork is slower
    "lazy": Lab("rr", [
        (40, "test", "vm_lazy", "exec maps nothing; each image page costs one frame at its "
                                "first touch, with its file contents or zeros; read-only stays "
                                "read-only; a program starts before its image is in"),
        (35, "test", "vm_heap", "sbrk only moves the break; heap pages appear zeroed at first "
                                "touch; pages given back kill when touched"),
        (25, "test", "sbrk", "growing costs nothing until touched; shrinking frees; the stack "
                             "grows on demand"),
        (0, "test", "vm_stack", "stack pages appear zeroed at first touch, down to the limit"),
        (0, "test", "procinfo", "sysinfo's free memory: heap pages cost a frame when touched, "
                                "not before"),
        (0, "test", "vm_oom", "a heap touched past free memory ends in the out-of-memory "
                              "killer, not in sbrk"),
        (0, "suite", "suite", "the rest of the process suite passes"),
    ], [r"/(vm_lazy|vm_heap|sbrk|vm_stack|procinfo|vm_oom)$"]),
    "suspend": Lab("rr", [
        (55, "test", "suspend", "a running, a ready, a sleeping and a reading process stop and "
                                "get no CPU; resumed, each goes on (a sleeper whose sleep ended "
                                "meanwhile runs only then); suspend twice, resume once"),
        (30, "test", "signal_wait", "SIGSTOP, SIGTSTP and suspend() stop, SIGCONT and resume() "
                                    "continue, each reported once to waitpid"),
        (15, "test", "kill", "a stopped process, and a stopped sleeper, die when killed"),
        (0, "test", "proc_rights", "init, ancestors and dying processes cannot be stopped "
                                   "(the starting point already refuses every stop)"),
        (0, "suite", "suite", "the rest of the process suite passes"),
    ], [r"/(suspend|signal_wait|proc_rights|kill|signal_storm)$", r"/stress$",
        r"^tests/user/console_keys/ctrl_z", r"^tests/user/fuzz\b", r"^tests/user/vm_small_mem/fuzz$"]),
    "wait": Lab("rr", [
        (40, "test", "wait_block", "wait and waitpid block until there is news (a parent waiting "
                                   "60 ticks runs a handful of times, not once a tick); a killed "
                                   "waiter dies at once; parents and children exiting at the "
                                   "same tick on every CPU lose no process"),
        (35, "test", "orphans", "orphan storms: 300 orphans see getppid() become 1 and init reaps "
                                "them; zombie orphans too; no grandchild is ever ours"),
        (25, "test", "wait_basic", "wait's rules: -1 with no children, blocking, zombies at once, "
                                   "first to exit first, grandchildren not ours, bad pointers, "
                                   "a killed child's status"),
        (0, "test", "wait_status", "every exit status comes back (the starting point already "
                                   "gets these right)"),
        (0, "test", "sh_reap", "a shell that exits with finished jobs not yet reaped: init "
                               "reaps them, and the process count comes back"),
        (0, "suite", "suite", "the rest of the process suite passes"),
    ], [r"/(wait_block|orphans|wait_basic|wait_status|sh_reap)$"]),
    "donate": Lab("prio", [
        (40, "guest", "prio_donate_basic", "priority inversion cured: low holding the mutex high "
                                           "waits for runs at high's priority, so high gets it "
                                           "while mid spins; low gives it back at unlock"),
        (30, "guest", "prio_donate_chain", "donation down a chain of three holders, each step "
                                           "checked; each back at its own priority after"),
        (30, "guest", "prio_donate_nested", "several waiters on several mutexes: the highest "
                                            "wins; a killed waiter takes its priority back; "
                                            "setpriority of a waiter or the holder; unlocking "
                                            "one mutex keeps what the other's waiters lend"),
        (0, "suite", "suite", "the process suite (mutex_basic among it) passes under prio as "
                              "under rr"),
    ], [r"/prio_donate_\w+$", r"^tests/sched/demo\b"]),
    "smp": Lab("rr", [
        (40, "test", "smp_parallel", "two spinners on two CPUs both run all the time; pinned to "
                                     "CPU 0 they share it"),
        (60, "test", "smp_balance", "2 x ncpu spinners keep every CPU busy, share fairly, do not "
                                    "bounce between CPUs (migrations in the trace), and are all "
                                    "reaped"),
        (0, "test", "smp_affinity", "setaffinity and getcpu: a process runs only where it may"),
        (0, "suite", "suite", "the rest of the process suite passes"),
    ], [r"/smp_(parallel|balance)$"]),
    "signals": Lab("rr", [
        (30, "test", "signal_basic", "a handler runs with its signal and the program goes on "
                                     "where it was; blocked while it runs; interrupted calls"),
        (40, "test", "signal_fault", "fault handlers that return re-run the instruction; "
                                     "hostile handlers, stacks and forged frames kill only "
                                     "their process and grant nothing; registers and FPU "
                                     "come back exactly"),
        (15, "test", "signal_wait", "handlers for SIGCONT, SIGPIPE and one that forks with a "
                                    "signal pending"),
        (15, "test", "signal_storm", "6,000 caught signals then SIGKILL, no leak; a handler "
                                     "on the other CPU"),
        (0, "suite", "suite", "the rest of the process suite passes"),
    ], [r"/signal_(basic|fault|wait|storm)$", r"^tests/user/fuzz\b",
        r"^tests/user/vm_small_mem/fuzz$",
        r"^tests/bench/goals\b"]),     # make bench's signal_roundtrip needs the frame
}


def lab_tests():
    """The suite tests (kind test) that are some lab's checks: the process
    suite gates leave them out (the lab's own checks say what they need)."""
    return {name for lab in LABS.values() for _, kind, name, _ in lab.checks if kind == "test"}


def open_labs(root=ROOT):
    """The labs still open in a student tree (labs/OPEN); none in the
    reference tree, which has no such file."""
    try:
        with open(os.path.join(root, OPEN_FILE)) as f:
            lines = [line.split("#")[0].strip() for line in f]
    except OSError:
        return []
    return [name for name in lines if name in LABS]
