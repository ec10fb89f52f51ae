"""The shell, booted like `make run` (init runs `sh -c CMD`): pipelines,
';', '&', quoting, exit statuses (exit N, a missing command is 127, a
syntax error 2), and the ls and ps utilities. One result per case.

Each case boots with klog=com2 and a null second serial port, so the
output is exactly what the programs print, then "exit status: N"."""
import concurrent.futures
import os
import re

BUILD = os.environ.get("BUILD", "build")


def boot(t, cmd, timeout=30):
    """Returns (output before the status line, status or None)."""
    args = f"klog=com2 poweroff run={cmd.encode().hex()}"
    r = t.boot(mem=64, args=args, timeout=timeout,
               until=r"^exit status: -?\d+$|kernel: (powering off|halted)\.",
               initrd=os.path.join(BUILD, "initramfs.cpio"), extra=["-serial", "null"])
    m = re.search(r"^exit status: (-?\d+)$", r.out, re.M)
    if not m:
        return r.out, None
    return r.out[:m.start()], int(m.group(1))


def exact(out, status):
    """A case whose output and status must be exactly these."""
    def check(got_out, got_status):
        if got_status != status:
            return f"exit status {got_status}, expected {status}"
        if got_out != out:
            return f"output {got_out!r}, expected {out!r}"
        return None
    return check


def ls_check(out, status):
    lines = out.splitlines()
    if status != 0:
        return f"exit status {status}"
    if "/bin/sh" not in lines or "/bin/" not in lines or "/test/" not in lines:
        return f"ls does not list /bin/, /bin/sh and /test/: {lines!r}"
    return None


def ls_bin_check(out, status):
    lines = out.splitlines()
    if status != 0 or "sh" not in lines or "echo" not in lines:
        return f"status {status}, lines {lines!r}"
    return None


def ps_check(out, status):
    lines = out.splitlines()
    if status != 0 or not lines:
        return f"exit status {status}, output {out!r}"
    if lines[0] != "PID   PPID  STATE      TICKS  NAME":
        return f"header line {lines[0]!r}"
    rows = [line.split() for line in lines[1:]]
    by_name = {r[-1]: r for r in rows if len(r) == 5}
    if by_name.get("init", [None])[:3] != ["1", "0", "blocked"]:
        return f"no 'init' row with pid 1, ppid 0, blocked: {rows!r}"
    if by_name.get("ps", [None, None, None])[2] != "running":
        return f"no running 'ps' row: {rows!r}"
    return None


def background_check(out, status):
    """`sleep 300 & echo started; ps`: the job's pid is printed at once,
    the shell goes on, and ps shows the sleep blocked."""
    m = re.match(r"\[(\d+)\]\nstarted\nPID ", out)
    if status != 0 or not m:
        return f"status {status}, output {out!r}"
    pid = m.group(1)
    if not re.search(rf"^{pid} +\d+ +blocked +\d+ +sleep$", out, re.M):
        return f"ps shows no blocked 'sleep' with pid {pid}: {out!r}"
    return None


def not_found_check(out, status):
    if status != 127 or out != "sh: nosuchcmd: not found\n":
        return f"status {status}, output {out!r}"
    return None


CASES = [
    ("pipe", "echo a b | cat", exact("a b\n", 0)),
    ("pipe_long", "echo x y | cat | cat | cat | cat", exact("x y\n", 0)),
    ("semicolon", "echo one; echo two;echo three", exact("one\ntwo\nthree\n", 0)),
    ("quotes", "echo 'a  b' \"c d\"", exact("a  b c d\n", 0)),
    ("quotes_join", "echo \"x\\\"y\" 'it''s' a\\ b '|;&'", exact("x\"y its a b |;&\n", 0)),
    ("empty_arg", "echo '' x ''", exact(" x \n", 0)),
    ("exit_57", "exit 57", exact("", 57)),
    ("exit_stops", "echo hi; exit 3; echo no", exact("hi\n", 3)),
    ("status_last", "exit 4; echo unreachable", exact("", 4)),
    ("not_found", "nosuchcmd", not_found_check),
    ("pipe_status", "echo x | nosuchcmd", exact("sh: nosuchcmd: not found\n", 127)),
    ("pipe_status_last", "nosuchcmd | echo x", None),       # order of output varies
    ("syntax_pipe", "echo a |", exact("sh: syntax error\n", 2)),
    ("syntax_lead", "| echo a", exact("sh: syntax error\n", 2)),
    ("unterminated", "echo 'abc", exact("sh: unterminated quote\nsh: syntax error\n", 2)),
    ("background", "sleep 300 & echo started; ps", background_check),
    ("ls", "ls", ls_check),
    ("ls_bin", "ls /bin", ls_bin_check),
    ("ps", "ps", ps_check),
]


def pipe_status_last(out, status):
    lines = sorted(out.splitlines())
    if status != 0 or lines != ["sh: nosuchcmd: not found", "x"]:
        return f"status {status}, output {out!r}"
    return None


def results(t):
    def one(case):
        name, cmd, check = case
        check = check or pipe_status_last
        out, status = boot(t, cmd)
        why = check(out, status)
        return name, why is None, why or "", cmd
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        done = list(ex.map(one, CASES))
    return [(name, ok, f"sh -c {cmd!r}: {why}" if not ok else "")
            for name, ok, why, cmd in done]
