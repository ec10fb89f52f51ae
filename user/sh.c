/*
 * sh: the shell. Reads a line, splits it into jobs separated by ';'
 * (run in turn) or '&' (run in the background); a job is a pipeline of
 * commands joined by '|'; a command is words. Words may be quoted with
 * '...' (literal) or "..." (backslash escapes \" and \\), or escape one
 * character with a backslash, as in the Bourne shell.
 *
 *   sh            interactive, prompt "$ "
 *   sh -c LINE    runs LINE and exits with its status (make run)
 *
 * Redirections, on any command of a pipeline: `< f` (standard input
 * from f), `> f` (standard output to f, emptied first), `>> f` (appended),
 * `2> f` (standard error); a redirection overrides the pipe.
 *
 * Builtins: cd [DIR], pwd, exit [N], help, kill [-SIG] PID|%N... (inside
 * the shell so that it works when the process table is full), jobs,
 * fg [%N], bg [%N]. In a pipeline or in the
 * background a builtin runs in the forked process, as in a subshell: there
 * `exit` ends only that process. The exit status of a line is
 * that of its last foreground job, which is that of the pipeline's last
 * command (128 + N for a command that signal N ended). A line is checked
 * whole before anything runs: a syntax error (status 2) runs none of it.
 *
 * Job control, when interactive (docs/signals.md): each job (a pipeline)
 * runs in a process group of its own, led by the job's first process.
 * The foreground job's group is named to the console with setfg(), so
 * Ctrl-C (SIGINT), Ctrl-\ (SIGQUIT) and Ctrl-Z (SIGTSTP) reach every
 * process of it; the shell ignores those three itself. A stopped job is
 * reported "[N] Stopped"; `fg` and `bg` continue it (SIGCONT to its
 * group). Jobs are numbered from 1; background jobs start with "[N] PID".
 * Finished background jobs are reaped before every prompt and every
 * command and reported once, at the next prompt: "[N] Done", "[N] Done
 * (status S)" when S is not 0, "[N] Killed (SIGNAME)".
 */
#include "user.h"

#define MAXWORDS 64
#define MAXCMDS  8
#define LINE_MAX 1024
#define FORK_TRIES 100          /* ticks to wait for a slot when the table is full */

#define MAXREDIRS 4

/* `> f`, `>> f`, `< f`, `2> f`: open path with flags as descriptor fd. */
struct redir {
    int fd;
    int flags;
    char *path;
};

struct cmd {
    char *argv[MAXWORDS + 1];
    int argc;
    struct redir redirs[MAXREDIRS];
    int nredirs;
};

struct job {
    struct cmd cmds[MAXCMDS];
    int ncmds;
    int background;
};

/* The line's words, unquoted and NUL-separated: at most 2 bytes per
 * byte of the line. */
static char *words;
static int interactive;

/* The jobs table: slot N-1 is job N. A job is known by its process
 * group, whose leader is the job's first process (pgid = its pid). */
#define MAXJOBS NPROC
#define JOB_TEXT 64
static struct {
    int pgid;                   /* 0: a free slot */
    int stopped;
    char text[JOB_TEXT];        /* the command, for `jobs` */
} jobs[MAXJOBS];
static int current_job;         /* fg and bg's default: the last one stopped or put
                                 * in the background (0: none) */

/* Jobs that ended but are not yet reported (interactive only): the job
 * number and the waitpid status. */
static struct { int n, status; } finished[MAXJOBS];
static int nfinished;

/* ------------------------------------------------------------ parsing */

static int syntax(const char *what)
{
    fprintf(2, "sh: %s\n", what);
    return -1;
}

/* Copies one word from *sp (quotes removed) to *out; returns 0 or -1. */
static int read_word(const char **sp, char **out)
{
    const char *s = *sp;
    char *o = *out;
    char quote = 0;
    for (; *s; s++) {
        if (quote == '\'' && *s != '\'') {
            *o++ = *s;
        } else if (*s == quote) {
            quote = 0;
        } else if (!quote && (*s == '\'' || *s == '"')) {
            quote = *s;
        } else if (*s == '\\' && s[1] && (quote != '"' || s[1] == '"' || s[1] == '\\')) {
            *o++ = *++s;
        } else if (!quote && strchr(" \t\n|;&<>", *s)) {
            break;
        } else {
            *o++ = *s;
        }
    }
    if (quote)
        return syntax("syntax error: unterminated quote");
    *o++ = '\0';
    *sp = s;
    *out = o;
    return 0;
}

/* Operators the shell does not have yet: say so rather than guess. */
static int unsupported(const char *s)
{
    if (s[0] == '&' && s[1] == '&')
        return syntax("'&&' is not supported yet (';' runs commands in turn)");
    if (s[0] == '|' && s[1] == '|')
        return syntax("'||' is not supported yet");
    return 0;
}

/* Starts the next command of a pipeline at a '|'. */
static int next_stage(struct job *j, struct cmd **c)
{
    if ((*c)->argc == 0)
        return syntax("syntax error: '|' needs a command on each side");
    if (j->ncmds == MAXCMDS) {
        fprintf(2, "sh: too many commands in a pipeline (at most %d)\n", MAXCMDS);
        return -1;
    }
    *c = &j->cmds[j->ncmds++];
    return 0;
}

static int add_word(struct cmd *c, const char **sp, char **out)
{
    if (c->argc == MAXWORDS) {
        fprintf(2, "sh: too many words in a command (at most %d)\n", MAXWORDS);
        return -1;
    }
    c->argv[c->argc++] = *out;
    return read_word(sp, out);
}

/* The redirection starting at s ("<", ">", ">>", "2>", "2>>"): its
 * length, with r's fd and flags set; 0 if s starts none. */
static int redir_operator(const char *s, struct redir *r)
{
    int n = 0;
    r->fd = *s == '<' ? 0 : 1;
    if (s[0] == '2' && s[1] == '>') {
        r->fd = 2;
        n = 1;
    }
    if (s[n] == '<')
        r->flags = O_RDONLY;
    else if (s[n] == '>' && s[n + 1] == '>')
        r->flags = O_WRONLY | O_CREAT | O_APPEND;
    else if (s[n] == '>')
        r->flags = O_WRONLY | O_CREAT | O_TRUNC;
    else
        return 0;
    return n + 1 + (s[n] == '>' && s[n + 1] == '>');
}

/* Parses a redirection at *sp into c (its file name is the next word). */
static int add_redir(struct cmd *c, const char **sp, char **out)
{
    struct redir r;
    int n = redir_operator(*sp, &r);
    if (c->nredirs == MAXREDIRS) {
        fprintf(2, "sh: too many redirections in a command (at most %d)\n", MAXREDIRS);
        return -1;
    }
    *sp += n;
    while (**sp == ' ' || **sp == '\t')
        (*sp)++;
    if (!**sp || strchr("\n|;&<>", **sp))
        return syntax("syntax error: a redirection needs a file name");
    r.path = *out;
    c->redirs[c->nredirs++] = r;
    return read_word(sp, out);
}

/* Parses the next job from *sp; returns 1 if one was found, 0 at the end,
 * -1 after reporting an error. */
static int parse_job(const char **sp, struct job *j, char **out)
{
    const char *s = *sp;
    memset(j, 0, sizeof *j);
    struct cmd *c = &j->cmds[0];
    j->ncmds = 1;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
        if (unsupported(s) < 0)
            return -1;
        if (!*s || *s == ';' || *s == '&') {
            j->background = *s == '&';
            if (*s)
                s++;
            break;
        }
        if (*s == '|') {
            if (next_stage(j, &c) < 0)
                return -1;
            s++;
            continue;
        }
        struct redir r;
        if (redir_operator(s, &r) ? add_redir(c, &s, out) < 0 : add_word(c, &s, out) < 0)
            return -1;
    }
    *sp = s;
    if (j->ncmds == 1 && c->argc == 0)
        return *s ? parse_job(sp, j, out) : 0;
    return c->argc == 0 ? syntax("syntax error: '|' needs a command on each side") : 1;
}

/* Parses the whole line without running it: 0, or -1 after the message. */
static int check_line(const char *line)
{
    char *out = words;
    struct job j;
    int r;
    while ((r = parse_job(&line, &j, &out)) > 0)
        ;
    return r;
}

/* ------------------------------------------------------------ builtins */

static int is_number(const char *s)
{
    if (*s == '-')
        s++;
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* cd [DIR]: changes the shell's working directory (to / without DIR). */
static int builtin_cd(struct cmd *c)
{
    if (c->argc > 2) {
        fprintf(2, "usage: cd [DIR]\n");
        return 2;
    }
    const char *dir = c->argc == 2 ? c->argv[1] : "/";
    if (chdir(dir) < 0) {
        fprintf(2, "sh: cd: %s: no such directory\n", dir);
        return 1;
    }
    return 0;
}

/* pwd: prints the working directory. */
static int builtin_pwd(struct cmd *c)
{
    char buf[MAXPATH];
    if (c->argc > 1) {
        fprintf(2, "usage: pwd\n");
        return 2;
    }
    if (getcwd(buf, sizeof buf) < 0) {
        fprintf(2, "sh: pwd: cannot get the working directory\n");
        return 1;
    }
    printf("%s\n", buf);
    return 0;
}

static int builtin_exit(struct cmd *c)
{
    if (c->argc > 2 || (c->argc == 2 && !is_number(c->argv[1]))) {
        fprintf(2, "usage: exit [STATUS]\n");
        return 2;
    }
    exit(c->argc > 1 ? atoi(c->argv[1]) : 0);
}

static void help_programs(void)
{
    int fd = open("/bin", O_RDONLY);
    if (fd < 0) {
        fprintf(2, "help: /bin: cannot open\n");
        return;
    }
    char name[64], path[80], desc[128];
    for (;;) {
        gets_fd(fd, name, sizeof name);
        int len = (int)strlen(name);
        if (len == 0)
            break;
        if (name[len - 1] == '\n')
            name[--len] = '\0';
        snprintf(path, sizeof path, "/bin/%s", name);
        if (program_description(path, desc, sizeof desc) < 0)
            strcpy(desc, "(no description)");
        printf("  %-11s %s\n", name, desc);
    }
    close(fd);
}

static int builtin_help(struct cmd *c)
{
    (void)c;
    printf("Builtins:\n"
           "  cd [DIR]    changes the working directory (to /)\n"
           "  exit [N]    leaves the shell with status N (0)\n"
           "  help        lists the builtins and the programs in /bin\n"
           "  kill [-SIG] PID|%%N...  sends SIG (TERM) to processes or jobs\n"
           "              (works even when the process table is full)\n"
           "  jobs        lists the jobs; fg [%%N] and bg [%%N] continue one\n"
           "  pwd         prints the working directory\n"
           "Programs in /bin:\n");
    help_programs();
    printf("Lines: CMD ARGS; CMD & (background); CMD | CMD; quotes '...' \"...\" and \\.\n"
           "Redirections on any command: < FILE, > FILE, >> FILE (append), 2> FILE.\n"
           "Keys: Ctrl-C interrupts the job, Ctrl-Z stops it, Ctrl-\\ quits it,\n"
           "Ctrl-D ends input, Ctrl-P lists processes,\n"
           "Ctrl-U/Ctrl-W erase the line/a word, Ctrl-L redraws, arrows edit and recall.\n");
    return 0;
}

static int job_target(const char *arg);
static int builtin_fg(struct cmd *c);
static int builtin_bg(struct cmd *c);
static int builtin_jobs(struct cmd *c);

static int builtin_kill(struct cmd *c)
{
    return kill_command(c->argc, c->argv, job_target);
}

typedef int builtin_fn(struct cmd *c);

static const struct {
    const char *name;
    builtin_fn *run;
} builtins[] = {
    { "bg", builtin_bg },
    { "cd", builtin_cd },
    { "exit", builtin_exit },
    { "fg", builtin_fg },
    { "help", builtin_help },
    { "jobs", builtin_jobs },
    { "kill", builtin_kill },
    { "pwd", builtin_pwd },
};

/* The builtin called name, or NULL. */
static builtin_fn *find_builtin(const char *name)
{
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(name, builtins[i].name) == 0)
            return builtins[i].run;
    return NULL;
}


/* ------------------------------------------------------------ jobs */

/* Records a new job led by pgid; its number (0 if the table is full:
 * the job runs, without a number). */
static int job_add(int pgid, const struct job *j)
{
    for (int i = 0; i < MAXJOBS; i++) {
        if (jobs[i].pgid)
            continue;
        jobs[i].pgid = pgid;
        jobs[i].stopped = 0;
        jobs[i].text[0] = '\0';
        for (int k = 0; j && k < j->ncmds; k++)
            for (int w = 0; w < j->cmds[k].argc; w++) {
                int len = (int)strlen(jobs[i].text);
                snprintf(jobs[i].text + len, JOB_TEXT - len, "%s%s%s", len ? " " : "",
                         w == 0 && k > 0 ? "| " : "", j->cmds[k].argv[w]);
            }
        return i + 1;
    }
    return 0;
}

/* Job n is gone: forget it, and if it was the current job, the newest
 * job left becomes current. */
static void job_remove(int n)
{
    jobs[n - 1].pgid = 0;
    if (current_job != n)
        return;
    current_job = 0;
    for (int i = 0; i < MAXJOBS; i++)
        if (jobs[i].pgid)
            current_job = i + 1;
}

static int job_find(int pgid)
{
    for (int i = 0; i < MAXJOBS; i++)
        if (jobs[i].pgid == pgid)
            return i + 1;
    return 0;
}

/* The job ended with waitpid status st: noted for the next prompt. */
static void job_ended(int n, int st)
{
    job_remove(n);
    if (interactive && nfinished < MAXJOBS) {
        finished[nfinished].n = n;
        finished[nfinished++].status = st;
    }
}

static void report_stopped(int n)
{
    jobs[n - 1].stopped = 1;
    current_job = n;
    if (interactive)
        printf("[%d] Stopped\n", n);
}

/* Reaps every job that has ended, and notes those that stopped or
 * continued, without blocking. */
static void reap_jobs(void)
{
    int st, pid;
    while ((pid = waitpid(-1, &st, WNOHANG | WUNTRACED | WCONTINUED)) > 0) {
        int n = job_find(pid);
        if (!n)
            continue;                   /* a stage of no job of ours */
        if (WIFSTOPPED(st))
            report_stopped(n);
        else if (WIFCONTINUED(st))
            jobs[n - 1].stopped = 0;
        else
            job_ended(n, st);
    }
}

static void report_jobs(void)
{
    for (int i = 0; i < nfinished; i++) {
        int n = finished[i].n, st = finished[i].status;
        const char *name = WIFSIGNALED(st) ? signal_name(WTERMSIG(st)) : 0;
        if (WIFSIGNALED(st) && name)
            printf("[%d] Killed (SIG%s)\n", n, name);
        else if (WIFSIGNALED(st))
            printf("[%d] Killed (signal %d)\n", n, WTERMSIG(st));
        else if (WEXITSTATUS(st))
            printf("[%d] Done (status %d)\n", n, WEXITSTATUS(st));
        else
            printf("[%d] Done\n", n);
    }
    nfinished = 0;
}

/* "%N" (or "%" / "%%": the current job): the job's group as a kill()
 * target (-pgid); 0 if there is no such job. */
static int job_target(const char *arg)
{
    int n = current_job;
    if (arg[1] && strcmp(arg, "%%") != 0 && parse_number(arg + 1, &n) < 0)
        return 0;
    return n >= 1 && n <= MAXJOBS && jobs[n - 1].pgid ? -jobs[n - 1].pgid : 0;
}

/* The job that fg or bg names: its number, or 0 after a message. */
static int job_arg(struct cmd *c)
{
    const char *arg = c->argc > 1 ? c->argv[1] : "%";
    int target = c->argc <= 2 && arg[0] == '%' ? job_target(arg) : 0;
    if (!target) {
        fprintf(2, "sh: %s: %s: no such job\n", c->argv[0], c->argc > 1 ? arg : "current");
        return 0;
    }
    return job_find(-target);
}

static int wait_for(int n, int pgid);

/* fg [%N]: continues the job in the foreground and waits for it. */
static int builtin_fg(struct cmd *c)
{
    int n = job_arg(c);
    if (!n)
        return 1;
    int pgid = jobs[n - 1].pgid;
    printf("%s\n", jobs[n - 1].text);
    jobs[n - 1].stopped = 0;
    setfg(pgid);
    kill(-pgid, SIGCONT);
    return wait_for(n, pgid);
}

/* bg [%N]: continues a stopped job in the background. */
static int builtin_bg(struct cmd *c)
{
    int n = job_arg(c);
    if (!n)
        return 1;
    jobs[n - 1].stopped = 0;
    current_job = n;
    printf("[%d] %s &\n", n, jobs[n - 1].text);
    return kill(-jobs[n - 1].pgid, SIGCONT) < 0;
}

/* jobs: the jobs not yet reported ended, with their state. */
static int builtin_jobs(struct cmd *c)
{
    (void)c;
    reap_jobs();
    for (int i = 0; i < MAXJOBS; i++)
        if (jobs[i].pgid)
            printf("[%d] %-8s %s\n", i + 1, jobs[i].stopped ? "Stopped" : "Running",
                   jobs[i].text);
    return 0;
}

/* fork(), waiting a moment for a slot when the table is full (background
 * jobs that are about to end); says why when it gives up. */
static int fork_job(void)
{
    for (int tries = 0;; tries++) {
        int pid = fork();
        if (pid >= 0)
            return pid;
        struct sysinfo si;
        int full = sysinfo(&si) == 0 && si.nproc >= NPROC;
        if (full && tries < FORK_TRIES) {
            sleep(1);
            reap_jobs();
            continue;
        }
        if (full)
            fprintf(2, "sh: fork failed: process table full (%d processes); "
                       "Ctrl-P lists them, the builtin `kill PID` ends one\n", NPROC);
        else
            fprintf(2, "sh: fork failed: out of memory\n");
        return -1;
    }
}

/* Opens the command's redirections onto its descriptors; exits with
 * status 1 (the command does not run) if a file cannot be opened. */
static void apply_redirs(struct cmd *c)
{
    for (int i = 0; i < c->nredirs; i++) {
        struct redir *r = &c->redirs[i];
        int fd = open(r->path, r->flags);
        if (fd < 0) {
            fprintf(2, "sh: %s: cannot open\n", r->path);
            exit(1);
        }
        if (fd != r->fd) {
            dup2(fd, r->fd);
            close(fd);
        }
    }
}

/* Becomes the command (a builtin in a pipeline or in the background runs
 * in this process, as in a subshell). */
static void exec_cmd(struct cmd *c)
{
    apply_redirs(c);
    builtin_fn *b = find_builtin(c->argv[0]);
    if (b)
        exit(b(c));
    exec(c->argv[0], c->argv);
    char path[128];
    snprintf(path, sizeof path, "/bin/%s", c->argv[0]);
    int fd = open(c->argv[0], O_RDONLY);
    if (fd < 0 && !strchr(c->argv[0], '/'))
        fd = open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(2, "sh: %s: not found\n", c->argv[0]);
        exit(127);
    }
    fprintf(2, "sh: %s: cannot execute (not a program, or out of memory)\n", c->argv[0]);
    exit(126);
}

/* Stage i of a pipeline with more than one stage, in its own process:
 * stdin and stdout already chained by the caller. */
static void start_stage(struct job *j, int i, int out_fd, int unused_fd)
{
    if (out_fd >= 0) {
        close(1);
        dup(out_fd);
        close(out_fd);
        close(unused_fd);
    }
    exec_cmd(&j->cmds[i]);
}

/* Runs a pipeline inside the current (already forked) process. One
 * command: it becomes that command. Several: it forks every stage, their
 * stdin and stdout chained by pipes, and waits for them all (the stages
 * run at once, on several CPUs; the pipeline is over when the last of
 * them is, not when its last stage is), then exits with the last stage's
 * status. */
static void run_pipeline(struct job *j)
{
    if (j->ncmds == 1)
        exec_cmd(&j->cmds[0]);
    int last = -1;
    for (int i = 0; i < j->ncmds; i++) {
        int fds[2] = { -1, -1 };
        int is_last = i == j->ncmds - 1;
        if (!is_last && pipe(fds) < 0) {
            fprintf(2, "sh: pipe failed\n");
            exit(1);
        }
        int pid = fork_job();
        if (pid < 0)
            exit(1);
        if (pid == 0)
            start_stage(j, i, fds[1], fds[0]);
        if (is_last) {
            last = pid;
            break;
        }
        close(0);               /* the next stage reads from the pipe */
        dup(fds[0]);
        close(fds[0]);
        close(fds[1]);
    }
    close(0);
    int status = 0, st, w;
    while ((w = wait(&st)) >= 0)
        if (w == last)
            status = st;
    exit(status);
}

/* Waits for job n (led by pgid; n is 0 for a job without a number)
 * until it ends or stops; the line's status. */
static int wait_for(int n, int pgid)
{
    int st;
    int r = waitpid(pgid, &st, interactive ? WUNTRACED : 0);
    setfg(0);
    if (r < 0)
        return 1;
    if (WIFSTOPPED(st)) {
        if (!n)
            n = job_add(pgid, 0);
        if (n)
            report_stopped(n);
        return 128 + WSTOPSIG(st);
    }
    if (n)
        job_remove(n);
    return WIFSIGNALED(st) ? 128 + WTERMSIG(st) : WEXITSTATUS(st);
}

/* The job's own process, before it runs the pipeline: with job control,
 * it leads a new process group, and takes back the keys' signals that
 * the shell ignores. */
static void job_child_setup(void)
{
    if (!interactive)
        return;
    setpgid(0, 0);
    signal(SIGINT, SIG_DFL);
    signal(SIGQUIT, SIG_DFL);
    signal(SIGTSTP, SIG_DFL);
}

/* ------------------------------------------------------------ lines */

static int run_job(struct job *j)
{
    reap_jobs();
    builtin_fn *b = find_builtin(j->cmds[0].argv[0]);
    if (b && j->ncmds == 1 && !j->background && j->cmds[0].nredirs == 0)
        return b(&j->cmds[0]);
    int pid = fork_job();
    if (pid < 0)
        return 1;
    if (pid == 0) {
        job_child_setup();
        run_pipeline(j);
    }
    if (interactive)
        setpgid(pid, pid);              /* also here: whichever runs first */
    if (j->background) {
        int n = job_add(pid, j);
        if (n)
            current_job = n;
        printf("[%d] %d\n", n, pid);
        return 0;
    }
    int n = interactive ? job_add(pid, j) : 0;
    if (interactive)
        setfg(pid);
    return wait_for(n, pid);
}

static int run_line(const char *line)
{
    if (check_line(line) < 0)
        return 2;
    char *out = words;
    struct job j;
    int status = 0;
    while (parse_job(&line, &j, &out) > 0)
        status = run_job(&j);
    return status;
}

/* Reads one line into buf (without its newline). Returns its length, -1
 * at end of input, or -2 for a line that does not fit (read to its end,
 * then dropped with a message). */
static int read_line(char *buf, int n)
{
    int len = 0, got = 0;
    char c;
    while (read(0, &c, 1) == 1) {
        got = 1;
        if (c == '\n')
            break;
        if (len < n - 1)
            buf[len] = c;
        len++;
    }
    if (!got)
        return -1;
    if (len > n - 1) {
        fprintf(2, "sh: line too long (%d characters, at most %d)\n", len, n - 1);
        return -2;
    }
    buf[len] = '\0';
    return len;
}

static int usage(void)
{
    fprintf(2, "usage: sh [-c COMMAND]\n");
    return 2;
}

int main(int argc, char **argv)
{
    if (argc > 1 && (strcmp(argv[1], "-c") != 0 || argc != 3))
        return usage();
    if (argc == 3) {
        words = malloc(2 * strlen(argv[2]) + 2);
        if (!words) {
            fprintf(2, "sh: out of memory\n");
            return 1;
        }
        return run_line(argv[2]);
    }
    interactive = 1;
    signal(SIGINT, SIG_IGN);            /* the keys are for the foreground job */
    signal(SIGQUIT, SIG_IGN);
    signal(SIGTSTP, SIG_IGN);
    static char line[LINE_MAX], line_words[2 * LINE_MAX];
    words = line_words;
    for (;;) {
        reap_jobs();
        report_jobs();
        printf("$ ");
        int n = read_line(line, sizeof line);
        if (n == -1)
            return 0;           /* end of input */
        if (n >= 0)
            run_line(line);
    }
}
