"""The interactive console works as a person types at it: init's shell
prompts "$ ", backspace edits the line, Ctrl-C kills the foreground job
(a pipeline entirely) and drops the half-typed line, Ctrl-P prints the
kernel's process table, Ctrl-D ends the shell and init starts another,
and `kill PID` ends a background job. Job control: Ctrl-Z stops the
foreground job (a pipeline entirely), `jobs`, `bg` and `fg` work on it,
`kill %N` ends it, Ctrl-\\ quits a job. The line discipline's keys:
Ctrl-U, Ctrl-W, Ctrl-L, other control keys shown as ^X and kept out of
the line, arrows, Home, End, Delete, function keys consumed, a history of
32 lines; long lines arrive whole or are refused with a message. The
shell reaps 1,000 `true &` in one session and survives the session from
issue 9 (a table full of `sleep 3000 &`). Each check boots its own kernel
with no run= option and holds a conversation over the serial console."""
import os
import re
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.environ.get("BUILD", "build")

PROMPT = r"^\$ "
CTRL_C, CTRL_D, CTRL_P, DEL = b"\x03", b"\x04", b"\x10", b"\x7f"
CTRL_L, CTRL_U, CTRL_W, CTRL_Z = b"\x0c", b"\x15", b"\x17", b"\x1a"
UP, DOWN, RIGHT, LEFT = b"\x1b[A", b"\x1b[B", b"\x1b[C", b"\x1b[D"
HOME, END, DELETE = b"\x1b[H", b"\x1b[F", b"\x1b[3~"
F1, F5, F12, PGUP = b"\x1bOP", b"\x1b[15~", b"\x1b[24~", b"\x1b[5~"
# `sleep 1000` lasts 1000 ticks, 10 s at 100 Hz: Ctrl-C must end it long
# before that.
QUICK = 3.0


class Fail(Exception):
    pass


class Console:
    """One QEMU whose serial console we type at. expect() waits for a
    pattern in the output that arrived since the last match, so every
    step sees only what its keys caused."""

    def __init__(self, t):
        cmd = t.qemu_command(boot="kernel", mem=32, args="",
                             initrd=os.path.join(BUILD, "initramfs.cpio"))
        t.log.append(" ".join(cmd))
        self.t = t
        self.started = time.monotonic()
        self.p = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        os.set_blocking(self.p.stdout.fileno(), False)
        self.raw = bytearray()
        self.pos = 0

    def text(self):
        return self.raw.decode("latin-1").replace("\r", "")

    def _read(self):
        try:
            chunk = self.p.stdout.read()
        except (OSError, ValueError):
            chunk = None
        if chunk:
            self.raw += chunk
        return chunk

    def expect(self, pattern, what, timeout=5.0):
        """Waits for PATTERN (multiline regex) after the last match. (A ^
        matches at line starts only: what follows a prompt does not.)"""
        rx = re.compile(pattern, re.M)
        deadline = time.monotonic() + timeout
        while True:
            chunk = self._read()
            m = rx.search(self.text(), self.pos)
            if m:
                self.pos = m.end()
                return m
            if self.p.poll() is not None:
                self._read()
                raise Fail(f"{what} (QEMU exited)")
            if time.monotonic() > deadline:
                raise Fail(f"{what} (waited {timeout:.0f} s for /{pattern}/)")
            if not chunk:
                time.sleep(0.02)

    def since(self, start):
        return self.text()[start:self.pos]

    def send(self, data):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def command(self, line, what):
        """Types LINE and Enter at the prompt; returns what it printed
        before the next prompt."""
        start = self.pos
        self.send(line.encode() + b"\r")
        self.expect(PROMPT, f"no prompt after `{line}`: {what}")
        return self.since(start)

    def ps(self):
        """Runs ps; returns {pid: (ppid, state, name)}."""
        out = self.command("ps", "ps")
        if not re.search(r"^PID +PPID +STATE", out, re.M):
            raise Fail(f"ps printed no table: {out!r}")
        return {int(pid): (int(ppid), state, name) for pid, ppid, state, name in
                re.findall(r"^(\d+) +(\d+) +(\S+) +(?:\d+|-) +\d+ +(\S+)$", out, re.M)}

    def ctrl_p(self):
        """Ctrl-P: the kernel's table; returns {pid: (ppid, state, name)}."""
        start = self.pos
        self.send(CTRL_P)
        self.expect(r"^PID  PPID STATE +TICKS NAME +USER EIP$", "Ctrl-P printed no process table")
        # The rows follow at once; give them a moment to arrive.
        time.sleep(0.3)
        self._read()
        rows = re.findall(r"^(\d+) +(\d+) +(\S+) +\d+ (\S+) +\S+$", self.text()[start:], re.M)
        self.pos = len(self.text())
        return {int(pid): (int(ppid), state, name) for pid, ppid, state, name in rows}

    def stop(self):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        self._read()


def check(cond, what):
    if not cond:
        raise Fail(what)


def pids_named(table, name):
    return sorted(pid for pid, (_, _, n) in table.items() if n == name)


# ------------------------------------------------------------ scenarios

def line_editing(c):
    """Backspace (DEL from a terminal) erases the last character typed."""
    start = c.pos
    c.send(b"echo abx" + DEL + b"c\r")
    c.expect(PROMPT, "no prompt after the edited line")
    out = c.since(start)
    check(re.search(r"^abc$", out, re.M), f"echo should print 'abc' (x erased): {out!r}")
    check("x\b \bc" in out, f"the console should echo the erase as backspace-space-backspace: {out!r}")
    # Backspace on an empty line must not erase the prompt or do anything.
    start = c.pos
    c.send(DEL + DEL + b"echo ok\r")
    c.expect(PROMPT, "no prompt after backspaces on an empty line")
    out = c.since(start)
    check(re.search(r"^ok$", out, re.M) and "\b" not in out,
          f"backspace on an empty line should be ignored: {out!r}")


def ctrl_c(c):
    """Ctrl-C kills a foreground `sleep 1000` at once; the shell prompts again."""
    sh = pids_named(c.ps(), "sh")
    c.send(b"sleep 1000\r")
    c.expect(r"sleep 1000$", "the typed line was not echoed")
    time.sleep(0.3)
    table = c.ctrl_p()
    sleepers = pids_named(table, "sleep")
    check(len(sleepers) == 1 and table[sleepers[0]][1] == "blocked" and table[sleepers[0]][0] in sh,
          f"Ctrl-P should show one blocked sleep, child of sh: {table}")
    sent = time.monotonic()
    c.send(CTRL_C)
    c.expect(r"\^C$", "Ctrl-C was not echoed as ^C", timeout=QUICK)
    c.expect(PROMPT, f"no prompt within {QUICK:.0f} s of Ctrl-C (sleep 1000 takes 10 s)",
             timeout=QUICK)
    took = time.monotonic() - sent
    after = c.ps()
    check(sleepers[0] not in after and not pids_named(after, "sleep"),
          f"the sleep process should be gone after Ctrl-C: {after}")
    check(pids_named(after, "sh") == sh, f"Ctrl-C must not touch the shell: {after}")
    c.t.out += f"[prompt back {took:.2f} s after Ctrl-C]\n"


def ctrl_c_discards_line(c):
    """Ctrl-C drops what was typed and not read, as a terminal does."""
    c.send(b"sleep 1000\r")
    c.expect(r"sleep 1000$", "the typed line was not echoed")
    time.sleep(0.3)
    c.send(b"abc" + CTRL_C)
    c.expect(PROMPT, "no prompt after Ctrl-C", timeout=QUICK)
    out = c.command("echo ok", "after Ctrl-C with 'abc' typed ahead")
    check(re.search(r"^ok$", out, re.M) and "abcecho" not in out,
          f"the line typed before Ctrl-C should be dropped: {out!r}")
    # At the prompt: the half-typed line goes, the shell reads the next.
    c.send(b"half" + CTRL_C)
    c.expect(r"half\^C$", "Ctrl-C at the prompt was not echoed")
    out = c.command("echo ok2", "after Ctrl-C at the prompt")
    check(re.search(r"^ok2$", out, re.M) and "halfecho" not in out,
          f"the half-typed line should be dropped: {out!r}")


def ctrl_p(c):
    """Ctrl-P prints the kernel's process table: init and sh, blocked."""
    table = c.ctrl_p()
    check(table.get(1, (None, None, None))[2] == "init" and table[1][1] == "blocked",
          f"Ctrl-P should list init as pid 1, blocked: {table}")
    sh = pids_named(table, "sh")
    check(len(sh) == 1 and table[sh[0]][0] == 1 and table[sh[0]][1] == "blocked",
          f"Ctrl-P should list one sh, child of init, blocked reading: {table}")
    # Each process's working directory and open files (sh: the console).
    start = c.pos
    c.send(b"cd /tmp" + b"\r")
    c.expect(PROMPT, "no prompt after cd /tmp")
    c.ctrl_p()
    out = c.since(start)
    check(re.search(r"^ +cwd /tmp$", out, re.M) and re.search(r"^ +fd 0: console rw$", out, re.M),
          f"Ctrl-P should show sh's working directory /tmp and fd 0 on the console: {out!r}")
    # What each CPU runs: a row per CPU that is up (the shell waits for
    # input, so every CPU is idle), its queue and its busy/total ticks.
    ncpu = int(os.environ.get("CPUS") or "1")     # as testrun.py boots it
    cpus = re.findall(r"^(\d+) +(idle|pid \d+) +(\d+) +(\d+)/(\d+)$", out, re.M)
    check(re.search(r"^CPU  RUNS +READY  BUSY/TICKS$", out, re.M) and
          [int(c[0]) for c in cpus] == list(range(ncpu)) and
          all(int(busy) <= int(ticks) for *_, busy, ticks in cpus),
          f"Ctrl-P should show a row per CPU ({ncpu}) with what it runs: {out!r}")
    # Ctrl-P acts at once and leaves the line being typed alone.
    start = c.pos
    c.send(b"echo x" + CTRL_P)
    c.expect(r"^PID  PPID STATE", "Ctrl-P in mid-line printed no table")
    c.send(b"y\r")
    c.expect(PROMPT, "no prompt after the line around Ctrl-P")
    out = c.since(start)
    check(re.search(r"^xy$", out, re.M), f"Ctrl-P should not enter the line: {out!r}")


def ctrl_d(c):
    """Ctrl-D at an empty prompt ends sh; init says so and starts another."""
    old = pids_named(c.ps(), "sh")
    check(len(old) == 1, f"expected one sh, got {old}")
    c.send(CTRL_D)
    c.expect(r"init: sh exited with status 0; starting a new one$",
             "init did not report that sh exited with status 0")
    c.expect(PROMPT, "the new shell did not prompt")
    table = c.ps()
    new = pids_named(table, "sh")
    check(len(new) == 1 and new != old and table[new[0]][0] == 1,
          f"a new sh (not pid {old[0]}), child of init, should run: {table}")
    out = c.command("echo again", "the new shell")
    check(re.search(r"^again$", out, re.M), f"the new shell should run commands: {out!r}")


def background_kill(c):
    """`sleep 1000 &` then `kill PID` ends the background job."""
    c.send(b"sleep 1000 &\r")
    m = c.expect(r"^\[(\d+)\] (\d+)$", "sh did not print the background job's number and pid")
    c.expect(PROMPT, "no prompt after starting a background job")
    pid = int(m.group(2))
    table = c.ps()
    sh = pids_named(table, "sh")
    check(table.get(pid, (None, None, None))[2] == "sleep" and table[pid][1] == "blocked"
          and table[pid][0] in sh,
          f"ps should show sleep {pid}, blocked, child of sh: {table}")
    out = c.command(f"kill {pid}", "kill")
    check("kill:" not in out, f"kill {pid} failed: {out!r}")
    after = c.ps()
    check(pid not in after, f"sleep {pid} should be gone after kill: {after}")
    # Now there is no such process: kill must say so.
    out = c.command(f"kill {pid}", "kill of a dead process")
    check(re.search(rf"^kill: {pid}: no such process", out, re.M),
          f"a second kill {pid} should fail: {out!r}")
    check(time.monotonic() - c.started < 10, "took so long that sleep 1000 might just have ended")


def ctrl_c_pipeline(c):
    """Ctrl-C kills a whole pipeline: both cats of `cat | cat` go."""
    c.send(b"cat | cat\r")
    c.expect(r"cat \| cat$", "the typed line was not echoed")
    c.send(b"hello\r")
    # The console echoes the line, then the second cat prints it.
    c.expect(r"^hello\nhello$", "the pipeline did not pass the line through")
    table = c.ctrl_p()
    cats = pids_named(table, "cat")
    check(len(cats) == 2 and all(table[p][1] == "blocked" for p in cats),
          f"Ctrl-P should show two blocked cats: {table}")
    runner = table[cats[0]][0]
    check(table[cats[1]][0] == runner and table.get(runner, (0, "", ""))[2] == "sh",
          f"both cats should be children of one sh, the pipeline's (it forks every stage "
          f"and waits for them all): {table}")
    c.send(CTRL_C)
    c.expect(PROMPT, f"no prompt within {QUICK:.0f} s of Ctrl-C on the pipeline", timeout=QUICK)
    after = c.ps()
    check(not pids_named(after, "cat"), f"both cats should be gone after Ctrl-C: {after}")
    out = c.command("echo still here", "after the pipeline")
    check(re.search(r"^still here$", out, re.M), f"the shell should go on: {out!r}")


def typed(c, keys, what):
    """Types KEYS (ending in Enter); returns the output up to the next prompt."""
    start = c.pos
    c.send(keys)
    c.expect(PROMPT, f"no prompt after {what}")
    return c.since(start)


def printed(out, line, what):
    check(re.search(rf"^{re.escape(line)}$", out, re.M), f"{what}: expected a line {line!r}: {out!r}")


def erase_keys(c):
    """Ctrl-U erases the line, Ctrl-W the word before the cursor."""
    out = typed(c, b"echo abc" + CTRL_U + b"echo ok\r", "Ctrl-U")
    printed(out, "ok", "Ctrl-U should erase 'echo abc'")
    check("abcecho" not in out, f"Ctrl-U left text in the line: {out!r}")
    out = typed(c, b"echo abc def" + CTRL_W + b"xyz\r", "Ctrl-W")
    printed(out, "abc xyz", "Ctrl-W should erase 'def'")
    out = typed(c, b"echo abc def  " + CTRL_W + CTRL_W + b"x\r", "Ctrl-W twice")
    printed(out, "x", "two Ctrl-W should erase 'def  ' and 'abc '")


def ctrl_l(c):
    """Ctrl-L clears the screen and redraws the prompt and the line."""
    c.send(b"echo hi" + CTRL_L)
    c.expect(r"\x1b\[H\x1b\[2J\$ echo hi", "Ctrl-L did not clear and redraw '$ echo hi'")
    out = typed(c, b"\r", "Enter after Ctrl-L")
    printed(out, "hi", "the line should survive Ctrl-L")


def control_keys(c):
    """Unhandled control keys show as ^X and never enter the line; Ctrl-Z
    at the prompt (no foreground job) echoes ^Z and stops nothing, and
    `sleep 3000 &` then starts a sleep (the issue's 'sleep: not found')."""
    out = typed(c, CTRL_Z + b"sleep 3000 &\r", "Ctrl-Z and a command")
    check("^Z" in out, f"Ctrl-Z should be echoed as ^Z: {out!r}")
    m = re.search(r"^\[\d+\] (\d+)$", out, re.M)
    check(m and "not found" not in out, f"Ctrl-Z entered the line: {out!r}")
    out = typed(c, b"echo a\x01\x02\x0e\x0f\x12\x14\x16\x18\x19b\r", "other control keys")
    printed(out, "ab", "control keys should be dropped")
    check("^A^B^N^O^R^T^V^X^Y" in out, f"each should echo as ^X: {out!r}")
    out = typed(c, b"echo a\x1bb\r", "a lone ESC")
    printed(out, "ab", "a lone ESC should be dropped")
    check("^[" in out, f"a lone ESC should echo as ^[: {out!r}")
    typed(c, f"kill {m.group(1)}\r".encode(), "kill")


def cursor_keys(c):
    """Left, Right, Home, End move in the line (typing inserts there);
    Backspace and Delete erase before and under the cursor."""
    out = typed(c, b"echo abc" + LEFT + LEFT + b"X\r", "Left, insertion")
    printed(out, "aXbc", "two Lefts then X")
    out = typed(c, b"echo ac" + LEFT + LEFT + RIGHT + b"b\r", "Right")
    printed(out, "abc", "Left Left Right then b")
    out = typed(c, b"cho abc" + HOME + b"e" + END + b"d\r", "Home, End")
    printed(out, "abcd", "Home e End d")
    out = typed(c, b"echo abXc" + LEFT + LEFT + DELETE + b"\r", "Delete")
    printed(out, "abc", "Delete under the cursor")
    out = typed(c, b"echo abXc" + LEFT + DEL + b"\r", "Backspace in mid-line")
    printed(out, "abc", "Backspace before the cursor")


def function_keys(c):
    """The escape sequences of function and other keys are consumed whole."""
    out = typed(c, b"echo a" + F1 + F5 + F12 + PGUP + b"b\r", "function keys")
    printed(out, "ab", "function keys should leave no trace in the line")
    check("[" not in out.split("\n", 1)[0].replace("$ ", ""),
          f"no part of a sequence should be echoed: {out!r}")


def history(c):
    """Up and Down recall earlier lines; the last 32 are kept."""
    typed(c, b"echo one\r", "echo one")
    typed(c, b"echo two\r", "echo two")
    out = typed(c, UP + UP + b"\r", "Up Up")
    printed(out, "one", "Up Up should recall 'echo one'")
    out = typed(c, UP + UP + UP + DOWN + b"\r", "Up Up Up Down")
    printed(out, "two", "Up x3 Down should recall 'echo two'")
    out = typed(c, UP + DOWN + b"echo three\r", "Up Down")
    printed(out, "three", "Down past the newest line should give an empty line")
    for i in range(40):
        typed(c, f"echo h{i}\r".encode(), f"echo h{i}")
    out = typed(c, UP * 45 + b"\r", "Up x45")
    printed(out, "h8", "of 40 lines the oldest kept should be the 33rd-last, h8")


def long_lines(c):
    """A line longer than the console's edit buffer arrives whole; one
    longer than the shell's limit is refused with a message."""
    word = "x" * 600
    out = typed(c, f"echo {word}\r".encode(), "a 605-character line")
    printed(out, word, "the 600-character word should be printed whole")
    out = typed(c, f"echo {'y' * 1100}\r".encode(), "an 1105-character line")
    check("sh: line too long (1105 characters, at most 1023)" in out,
          f"the shell should refuse the line and say why: {out[-300:]!r}")
    check("yyyy\n" not in out.split("\n", 1)[1], "the refused line should not run")
    out = typed(c, b"echo fine\r", "the next line")
    printed(out, "fine", "the shell should go on")


def reap_1000(c):
    """1,000 `true &` in one session: every job starts, is reaped and is
    reported done exactly once; the table never fills."""
    # Typing runs ahead of the shell, so the echo of the keys and the
    # shell's output interleave: match "[N] PID" and "[N] Done" anywhere.
    c.send(b"true &\r" * 1000 + b"echo 'end''-of-jobs'\r")
    start = c.pos
    c.expect(r"^(\$ )?end-of-jobs$", "the 1,000 jobs did not all run", timeout=150)
    c.expect(PROMPT, "no prompt after the jobs")
    typed(c, b"sleep 20\r", "sleep 20")
    out = c.text()[start:c.pos]
    started = re.findall(r"\[\d+\] (\d+)\n", out)
    done = re.findall(r"\[(\d+)\] Done\n", out)
    c.t.out += f"[{len(started)} started, {len(done)} reported done]\n"
    check("fork failed" not in out, "a fork failed")
    check(len(started) == 1000, f"{len(started)} jobs started, expected 1000")
    check(len(done) == len(started), "each job should be reported done exactly once "
          f"({len(done)} reports for {len(started)} jobs)")
    table = c.ps()
    check(sorted(n for _, _, n in table.values()) == ["init", "ps", "sh"],
          f"only init, sh and ps should be left: {table}")


def full_table(c):
    """The session from issue 9: `sleep 3000 &` until the table is full;
    fork then says why, the builtin kill frees a slot, the report shows
    the job killed, and ps, kill and Ctrl-P all still work."""
    pids, jobs = [], []
    for _ in range(100):
        out = typed(c, b"sleep 3000 &\r", "sleep 3000 &")
        m = re.search(r"^\[(\d+)\] (\d+)$", out, re.M)
        if not m:
            break
        jobs.append(int(m.group(1)))
        pids.append(int(m.group(2)))
    check(re.search(r"^sh: fork failed: process table full \(\d+ processes\); "
                    r"Ctrl-P lists them, the builtin `kill PID` ends one$", out, re.M),
          f"a full table should be named as the reason: {out!r}")
    check(len(pids) >= 60, f"only {len(pids)} jobs started")
    out = typed(c, b"ps\r", "ps with a full table")
    check("process table full" in out, f"ps cannot start either, and should say why: {out!r}")
    out = typed(c, f"kill {pids[0]} {pids[1]}\r".encode(), "builtin kill")
    check("kill:" not in out, f"the builtin kill failed: {out!r}")
    out += typed(c, b"\r", "an empty line")
    for job in jobs[:2]:
        printed(out, f"[{job}] Killed (SIGTERM)", "the killed jobs should be reported")
    table = c.ps()
    check(len(pids_named(table, "sleep")) == len(pids) - 2, f"ps should list the sleeps: {table}")
    check(len(pids_named(c.ctrl_p(), "sleep")) == len(pids) - 2, "Ctrl-P should list the sleeps")
    out = typed(c, ("kill " + " ".join(map(str, pids[2:])) + "\r").encode(), "kill the rest")
    check("kill:" not in out, f"kill failed: {out!r}")
    check(not pids_named(c.ps(), "sleep"), "every sleep should be gone")


def state_of(table, name):
    return sorted(state for _, state, n in table.values() if n == name)


def ctrl_z_fg_bg(c):
    """Job control: Ctrl-Z stops a foreground `sleep 1000` ("[1] Stopped",
    ps shows it suspended), `jobs` lists it, `bg` continues it in the
    background, `fg` brings it back, and Ctrl-C then ends it."""
    c.send(b"sleep 1000\r")
    c.expect(r"sleep 1000$", "the typed line was not echoed")
    time.sleep(0.3)
    c.send(CTRL_Z)
    c.expect(r"\^Z$", "Ctrl-Z was not echoed as ^Z", timeout=QUICK)
    c.expect(r"^\[1\] Stopped$", "sh did not report the job stopped", timeout=QUICK)
    c.expect(PROMPT, "no prompt after Ctrl-Z", timeout=QUICK)
    check(state_of(c.ps(), "sleep") == ["suspended"], "the stopped sleep should be suspended")
    out = c.command("jobs", "jobs")
    printed(out, "[1] Stopped  sleep 1000", "jobs should list the stopped job")
    out = c.command("bg", "bg")
    printed(out, "[1] sleep 1000 &", "bg should name the job it continues")
    check(state_of(c.ps(), "sleep") == ["blocked"], "after bg the sleep should run (blocked)")
    out = c.command("jobs", "jobs after bg")
    printed(out, "[1] Running  sleep 1000", "jobs should list it running")
    c.send(b"fg %1\r")
    c.expect(r"^sleep 1000$", "fg should print the job it continues")
    time.sleep(0.3)
    c.send(CTRL_C)
    c.expect(PROMPT, "no prompt after Ctrl-C of the job brought back by fg", timeout=QUICK)
    check(not pids_named(c.ps(), "sleep"), "Ctrl-C should end the job in the foreground")
    out = c.command("jobs", "jobs at the end")
    check("sleep" not in out, f"no job should be left: {out!r}")
    out = c.command("fg", "fg with no job")
    check("sh: fg: current: no such job" in out, f"fg should say there is no job: {out!r}")


def ctrl_z_pipeline(c):
    """Ctrl-Z stops a whole pipeline (its process group); `kill %1` ends
    it, reported "[1] Killed (SIGTERM)"; Ctrl-\\ quits a foreground job."""
    c.send(b"sleep 1000 | cat\r")
    c.expect(r"sleep 1000 \| cat$", "the typed line was not echoed")
    time.sleep(0.5)
    c.send(CTRL_Z)
    c.expect(r"^\[1\] Stopped$", "sh did not report the pipeline stopped", timeout=QUICK)
    c.expect(PROMPT, "no prompt after Ctrl-Z", timeout=QUICK)
    table = c.ps()
    check(state_of(table, "sleep") == ["suspended"] and state_of(table, "cat") == ["suspended"],
          f"every stage should be stopped: {table}")
    out = c.command("kill %1", "kill %1")
    out += c.command("", "the next prompt")
    printed(out, "[1] Killed (SIGTERM)", "the killed job should be reported")
    table = c.ps()
    check(not pids_named(table, "sleep") and not pids_named(table, "cat"),
          f"the pipeline should be gone: {table}")
    c.send(b"sleep 1000\r")
    c.expect(r"sleep 1000$", "the typed line was not echoed")
    time.sleep(0.3)
    c.send(b"\x1c")
    c.expect(r"\^\\$", "Ctrl-\\ was not echoed", timeout=QUICK)
    c.expect(PROMPT, "no prompt after Ctrl-\\", timeout=QUICK)
    check(not pids_named(c.ps(), "sleep"), "Ctrl-\\ should end the job")


SCENARIOS = [line_editing, ctrl_c, ctrl_c_discards_line, ctrl_p, ctrl_d, background_kill,
             ctrl_c_pipeline, erase_keys, ctrl_l, control_keys, cursor_keys, function_keys,
             history, long_lines, reap_1000, full_table, ctrl_z_fg_bg, ctrl_z_pipeline]


def results(t):
    out = []
    for scenario in SCENARIOS:
        name = scenario.__name__
        t.out += f"==== {name}: {scenario.__doc__}\n"
        c = Console(t)
        try:
            c.expect(PROMPT, "init's shell never prompted", timeout=15)
            scenario(c)
            out.append((name, True, ""))
        except Fail as e:
            out.append((name, False, str(e)))
        except Exception as e:  # a broken scenario fails, the others still run
            out.append((name, False, f"{type(e).__name__}: {e}"))
        finally:
            c.stop()
            t.out += c.text() + "\n"
            if "panic:" in c.text():
                out.append((name + "/no-panic", False, "the kernel panicked"))
    return out
