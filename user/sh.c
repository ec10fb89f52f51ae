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
 * Builtins: cd [DIR], pwd, exit [N], help, kill PID... (kill is inside the shell so that
 * it works when the process table is full). In a pipeline or in the
 * background a builtin runs in the forked process, as in a subshell: there
 * `exit` ends only that process. The exit status of a line is
 * that of its last foreground job, which is that of the pipeline's last
 * command. A line is checked whole before anything runs: a syntax error
 * (status 2) runs none of it. Ctrl-C kills the foreground job: sh names
 * it to the kernel with setfg().
 *
 * Background jobs are reaped before every prompt and every command, and
 * reported once at the next prompt: "[pid] done", or "[pid] done
 * (status N)" when N is not 0.
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
static int running_jobs;        /* background jobs started and not yet reaped */

/* Background jobs reaped but not yet reported (interactive only). */
static struct { int pid, status; } finished[NPROC];
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
           "  kill PID... kills processes (works even when the process table is full)\n"
           "  pwd         prints the working directory\n"
           "Programs in /bin:\n");
    help_programs();
    printf("Lines: CMD ARGS; CMD & (background); CMD | CMD; quotes '...' \"...\" and \\.\n"
           "Redirections on any command: < FILE, > FILE, >> FILE (append), 2> FILE.\n"
           "Keys: Ctrl-C kills the job, Ctrl-D ends input, Ctrl-P lists processes,\n"
           "Ctrl-U/Ctrl-W erase the line/a word, Ctrl-L redraws, arrows edit and recall.\n");
    return 0;
}

static int builtin_kill(struct cmd *c)
{
    return pid_command(c->argc, c->argv, kill);
}

typedef int builtin_fn(struct cmd *c);

static const struct {
    const char *name;
    builtin_fn *run;
} builtins[] = {
    { "cd", builtin_cd },
    { "exit", builtin_exit },
    { "help", builtin_help },
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

static void job_finished(int pid, int status)
{
    running_jobs--;
    if (interactive && nfinished < NPROC) {
        finished[nfinished].pid = pid;
        finished[nfinished++].status = status;
    }
}

/* Reaps every child that has exited, without blocking: getprocs says how
 * many are zombies, and wait() returns one of them at once each time. */
static void reap_jobs(void)
{
    static struct procinfo procs[NPROC];
    if (running_jobs == 0)
        return;
    int me = getpid(), zombies = 0;
    int n = getprocs(procs, NPROC);
    for (int i = 0; i < n; i++)
        zombies += procs[i].ppid == me && procs[i].state == PROC_ZOMBIE;
    while (zombies-- > 0) {
        int status, pid = wait(&status);
        if (pid < 0)
            break;
        job_finished(pid, status);
    }
}

static void report_jobs(void)
{
    for (int i = 0; i < nfinished; i++) {
        if (finished[i].status)
            printf("[%d] done (status %d)\n", finished[i].pid, finished[i].status);
        else
            printf("[%d] done\n", finished[i].pid);
    }
    nfinished = 0;
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

/* Waits for pid; background jobs that finish meanwhile are noted. */
static int wait_for(int pid)
{
    for (;;) {
        int status;
        int w = wait(&status);
        if (w == pid || w < 0)
            return w < 0 ? -1 : status;
        job_finished(w, status);
    }
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
    if (pid == 0)
        run_pipeline(j);
    if (j->background) {
        running_jobs++;
        printf("[%d]\n", pid);
        return 0;
    }
    setfg(pid);
    int status = wait_for(pid);
    setfg(0);
    return status;
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
