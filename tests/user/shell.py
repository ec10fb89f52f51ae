"""The shell, booted like `make run` (init runs `sh -c CMD`): pipelines,
';', '&', quoting, exit statuses (exit N, a missing command is 127, a
syntax error 2), every error message (too many words or commands,
every redirection (< > >> 2>, in pipelines, on builtins,
bad files), cd and pwd, a program copied with cat and run, the file utilities, unsupported '&&', a syntax error that runs nothing), the builtins
(help lists every program in /bin with the description from its source,
also in a pipeline; kill; exit in a pipeline leaves only its stage), and the utilities: ls, ps, and each one's usage line with status 2
on bad arguments. One result per case.

Each case boots with klog=com2 and a null second serial port, so the
output is exactly what the programs print, then "exit status: N"."""
import concurrent.futures
import glob
import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
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
    if lines[0] != "PID   PPID  STATE      CPU  TICKS  NAME":
        return f"header line {lines[0]!r}"
    rows = [line.split() for line in lines[1:]]
    by_name = {r[-1]: r for r in rows if len(r) == 6}
    if by_name.get("init", [None])[:3] != ["1", "0", "blocked"]:
        return f"no 'init' row with pid 1, ppid 0, blocked: {rows!r}"
    ps_row = by_name.get("ps", [None] * 4)
    if ps_row[2] != "running":
        return f"no running 'ps' row: {rows!r}"
    # The CPU column: ps runs on one of the CPUs that are up (the test
    # boots with the default CPUS).
    if not (ps_row[3] or "").isdigit():
        return f"ps's own row shows no CPU: {rows!r}"
    return None


def ps_cpus_check(out, status):
    """ps -s ends with each CPU's load: a row per CPU that is up, busy
    ticks no more than its ticks, the percentage their ratio, and the
    CPU that runs ps itself shows its pid."""
    ncpu = int(os.environ.get("CPUS") or "1")       # as testrun.py boots it
    if status != 0 or not re.search(r"^CPU  BUSY  TICKS  LOAD  READY  RUNS$", out, re.M):
        return f"status {status}, no per-CPU table: {out!r}"
    rows = re.findall(r"^(\d+) +(\d+) +(\d+) +(\d+)% +(\d+)  (idle|\d+)$", out, re.M)
    if [int(r[0]) for r in rows] != list(range(ncpu)):
        return f"expected a row for each of {ncpu} CPUs: {out!r}"
    for cpu, busy, ticks, load, ready, runs in rows:
        b, t = int(busy), int(ticks)
        if t == 0 or b > t or int(load) != b * 100 // t:
            return f"CPU {cpu}: busy {busy} of {ticks} ticks, load {load}%: {out!r}"
    ps_pid = re.search(r"^(\d+) +running .* ps$", out, re.M)
    if not ps_pid or ps_pid.group(1) not in [r[5] for r in rows]:
        return f"no CPU shows ps running: {out!r}"
    return None


def background_check(out, status):
    """`sleep 300 & echo started; ps`: the job's number and pid are printed at once,
    the shell goes on, and ps shows the job alive: the sleep blocked, or,
    with several CPUs, the job still on its way there on another CPU
    (running or ready, maybe not yet exec'd: named sh)."""
    m = re.match(r"\[1\] (\d+)\nstarted\nPID ", out)
    if status != 0 or not m:
        return f"status {status}, output {out!r}"
    pid = m.group(1)
    if not re.search(rf"^{pid} +\d+ +(blocked|running|ready) +(\d+|-) +\d+ +(sleep|sh)$", out, re.M):
        return f"ps shows no live job (sleep, or sh not yet exec'd) with pid {pid}: {out!r}"
    return None


def not_found_check(out, status):
    if status != 127 or out != "sh: nosuchcmd: not found\n":
        return f"status {status}, output {out!r}"
    return None


PIPE_ERR = "syntax error: '|' needs a command on each side"
SLEEP_USAGE = "usage: sleep TICKS (a whole number, 0 or more; 100 ticks a second)"


def descriptions():
    """{program: its one-line description}, from each user/NAME.c as the
    build extracts it (user/description.awk)."""
    out = {}
    for path in sorted(glob.glob(os.path.join(ROOT, "user", "*.c"))):
        name = os.path.basename(path)[:-2]
        p = subprocess.run(["awk", "-v", f"name={name}", "-f",
                            os.path.join(ROOT, "user", "description.awk"), path],
                           capture_output=True, text=True)
        out[name] = p.stdout.strip() if p.returncode == 0 else None
    return out


def help_check(out, status):
    """help lists the builtins, then every program in /bin with the
    description its source gives: a new program shows up by itself."""
    if status != 0 or not out.startswith("Builtins:\n"):
        return f"status {status}, output {out!r}"
    for builtin in ("exit", "help", "kill"):
        if not re.search(rf"^  {builtin}\b.* \S", out, re.M):
            return f"builtin {builtin} not listed: {out!r}"
    for name, desc in descriptions().items():
        if desc is None:
            return f"user/{name}.c has no description (see user/description.awk)"
        if not re.search(rf"^  {re.escape(name)} +{re.escape(desc)}$", out, re.M):
            return f"no line for {name!r} with {desc!r}: {out!r}"
    return None


MOTD_SIZE = os.path.getsize(os.path.join(ROOT, "user/rootfs/etc/motd"))
README_SIZE = os.path.getsize(os.path.join(ROOT, "user/rootfs/README"))


def stat_check(out, status):
    want = ("1 2 12 /tmp/f\nhello world\n/tmp/t: type file size 0 ino {ino} nlink 1\n"
            "hello world\nf\nfile       12 f\ndir         0 x/\n")
    m = re.search(r"ino (\d+) nlink", out)
    if not m:
        return f"no stat line: {out!r}"
    return exact(want.format(ino=m.group(1)), 0)(out, status)


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
    ("syntax_pipe", "echo a |", exact(f"sh: {PIPE_ERR}\n", 2)),
    ("syntax_lead", "| echo a", exact(f"sh: {PIPE_ERR}\n", 2)),
    ("syntax_runs_nothing", "echo first; echo a | | cat", exact(f"sh: {PIPE_ERR}\n", 2)),
    ("unterminated", "echo 'abc", exact("sh: syntax error: unterminated quote\n", 2)),
    ("redirect_out", "echo hi > /tmp/f; cat /tmp/f", exact("hi\n", 0)),
    ("redirect_glued", "echo hi>/tmp/f;cat /tmp/f", exact("hi\n", 0)),
    ("redirect_truncates", "echo long line > /tmp/f; echo x > /tmp/f; cat /tmp/f", exact("x\n", 0)),
    ("redirect_in", "echo abc > /tmp/f; cat < /tmp/f", exact("abc\n", 0)),
    ("redirect_append", "echo a > /tmp/f; echo b >> /tmp/f; cat /tmp/f", exact("a\nb\n", 0)),
    ("redirect_err", "ls /nope 2> /tmp/e; echo out; cat /tmp/e",
     exact("out\nls: /nope: no such file or directory\n", 0)),
    ("redirect_pipeline", "echo x y > /tmp/a | cat; cat < /tmp/a | wc > /tmp/b; cat /tmp/b",
     exact("1 2 4\n", 0)),
    ("redirect_middle", "echo abc | cat > /tmp/m | cat; cat /tmp/m", exact("abc\n", 0)),
    ("redirect_builtin", "pwd > /tmp/p; cat /tmp/p", exact("/\n", 0)),
    ("redirect_missing", "cat < /nope; echo next", exact("sh: /nope: cannot open\nnext\n", 0)),
    ("redirect_no_name", "echo a >", exact("sh: syntax error: a redirection needs a file name\n", 2)),
    ("redirect_bad_dir", "echo a > /nope/f", exact("sh: /nope/f: cannot open\n", 1)),
    ("cd_pwd", "cd /tmp; pwd; mkdir d; cd d; pwd; cd ../..; pwd; cd /nope",
     exact("/tmp\n/tmp/d\n/\nsh: cd: /nope: no such directory\n", 1)),
    ("cd_relative_file", "cd /etc; cat motd | head -n 1",
     exact("Welcome to Orchard. Files you make live in memory until power-off:\n", 0)),
    ("exec_copy", "cat /bin/echo > /tmp/e; /tmp/e hi there", exact("hi there\n", 0)),
    ("utilities", "echo hello world > /tmp/f; wc /tmp/f; grep wor /tmp/f; grep zzz /tmp/f; "
     "touch /tmp/t; stat /tmp/t; cp /tmp/f /tmp/g; mv /tmp/g /tmp/h; cat /tmp/h; "
     "rm /tmp/h /tmp/t; ls /tmp; mkdir /tmp/x; ls -l /tmp; rm /tmp/x /tmp/f; ls /tmp",
     stat_check),
    ("redirect_quoted", "echo 'a>b' \\<", exact("a>b <\n", 0)),
    ("and_and", "echo a && echo b",
     exact("sh: '&&' is not supported yet (';' runs commands in turn)\n", 2)),
    ("or_or", "echo a || echo b", exact("sh: '||' is not supported yet\n", 2)),
    ("words_64", "echo" + " w" * 63, exact(" ".join(["w"] * 63) + "\n", 0)),
    ("words_65", "echo" + " w" * 64,
     exact("sh: too many words in a command (at most 64)\n", 2)),
    ("pipeline_8", "echo p" + " | cat" * 7, exact("p\n", 0)),
    ("pipeline_9", "echo p" + " | cat" * 8,
     exact("sh: too many commands in a pipeline (at most 8)\n", 2)),
    ("not_executable", "/bin/", exact("sh: /bin/: cannot execute (not a program, or out of memory)\n", 126)),
    ("exit_usage", "exit abc", exact("usage: exit [STATUS]\n", 2)),
    ("sh_usage", "sh -x", exact("usage: sh [-c COMMAND]\n", 2)),
    ("ps_usage", "ps -x", exact("usage: ps [-s]\n", 2)),
    ("sleep_negative", "sleep -5", exact(f"{SLEEP_USAGE}\n", 2)),
    ("sleep_word", "sleep abc", exact(f"{SLEEP_USAGE}\n", 2)),
    ("sleep_none", "sleep", exact(f"{SLEEP_USAGE}\n", 2)),
    ("kill_usage", "kill", exact("usage: kill [-N|-NAME] PID|-PGID|%JOB...\n", 2)),
    ("kill_word", "kill abc", exact("kill: abc: not a process id\n"
                                    "usage: kill [-N|-NAME] PID|-PGID|%JOB...\n", 2)),
    ("kill_signal", "kill -BOGUS 3", exact("kill: BOGUS: no such signal\n", 2)),
    ("kill_none", "kill 99999", exact("kill: 99999: no such process (or not allowed)\n", 1)),
    ("kill_program", "/bin/kill -1",
     exact("usage: /bin/kill [-N|-NAME] PID|-PGID...\n", 2)),
    ("kill_group_word", "/bin/kill -TERM -1",
     exact("/bin/kill: -1: not a process id\nusage: /bin/kill [-N|-NAME] PID|-PGID...\n", 2)),
    ("suspend_usage", "suspend", exact("usage: suspend PID...\n", 2)),
    ("resume_word", "resume x1",
     exact("resume: x1: not a process id\nusage: resume PID...\n", 2)),
    ("ls_missing", "ls /nope", exact("ls: /nope: no such file or directory\n", 1)),
    ("ls_option", "ls -x", exact("ls: -x: no such option\nusage: ls [-l] [DIR...]\n", 2)),
    ("ls_long", "ls -l /etc /README", exact(f"file {MOTD_SIZE:8d} motd\nfile {README_SIZE:8d} /README\n", 0)),
    ("mkdir_usage", "mkdir", exact("usage: mkdir DIR...\n", 2)),
    ("mkdir_exists", "mkdir /tmp", exact("mkdir: /tmp: cannot create (exists, or no such parent)\n", 1)),
    ("rm_usage", "rm", exact("usage: rm FILE...\n", 2)),
    ("rm_nonempty", "rm /bin", exact("rm: /bin: cannot remove (missing, or a directory not empty)\n", 1)),
    ("cp_usage", "cp a", exact("usage: cp FROM TO\n", 2)),
    ("cp_missing", "cp /nope /tmp/x", exact("cp: /nope: no such file\n", 1)),
    ("mv_usage", "mv -x a b", exact("usage: mv FROM TO\n", 2)),
    ("wc_usage", "wc -l", exact("usage: wc [FILE...]\n", 2)),
    ("grep_usage", "grep", exact("usage: grep STRING [FILE...]\n", 2)),
    ("head_usage", "head -n x", exact("usage: head [-n N] [FILE]\n", 2)),
    ("touch_usage", "touch", exact("usage: touch FILE...\n", 2)),
    ("stat_usage", "stat", exact("usage: stat FILE...\n", 2)),
    ("cat_missing", "cat /nope", exact("cat: /nope: no such file\n", 1)),
    ("cat_option", "cat -n", exact("cat: -n: no such option\nusage: cat [FILE...]\n", 2)),
    ("init_usage", "init", exact("usage: init [-c COMMAND] (the kernel starts it, as process 1)\n", 2)),
    ("help", "help", None),
    ("help_piped", "help | cat", None),
    ("exit_in_pipeline", "exit 3 | cat; echo after", exact("after\n", 0)),
    ("background", "sleep 300 & echo started; ps", background_check),
    ("ls", "ls", ls_check),
    ("ls_bin", "ls /bin", ls_bin_check),
    ("ps", "ps", ps_check),
    ("ps_cpus", "ps -s", ps_cpus_check),
]


def pipe_status_last(out, status):
    """The two sides run at once (on two CPUs, truly): echo's "x" and its
    newline are two writes, so the shell's message (one write) may land
    between them. Taking the message out must leave exactly echo's output."""
    msg = "sh: nosuchcmd: not found\n"
    if status != 0 or msg not in out or out.replace(msg, "", 1) != "x\n":
        return f"status {status}, output {out!r}"
    return None


def results(t):
    def one(case):
        name, cmd, check = case
        check = check or (help_check if name.startswith("help") else pipe_status_last)
        out, status = boot(t, cmd)
        why = check(out, status)
        return name, why is None, why or "", cmd
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        done = list(ex.map(one, CASES))
    return [(name, ok, f"sh -c {cmd!r}: {why}" if not ok else "")
            for name, ok, why, cmd in done]
