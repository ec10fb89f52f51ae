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
 * Builtins: exit [N]. The exit status of a line is that of its last
 * foreground job, which is that of the pipeline's last command. Ctrl-C
 * kills the foreground job: sh names it to the kernel with setfg().
 */
#include "user.h"

#define MAXWORDS 64
#define MAXCMDS  8
#define LINE_MAX 512

struct cmd {
    char *argv[MAXWORDS + 1];
    int argc;
};

struct job {
    struct cmd cmds[MAXCMDS];
    int ncmds;
    int background;
};

static char words[LINE_MAX * 2];    /* unquoted words, NUL-separated */

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
        } else if (!quote && strchr(" \t\n|;&", *s)) {
            break;
        } else {
            *o++ = *s;
        }
    }
    if (quote) {
        fprintf(2, "sh: unterminated quote\n");
        return -1;
    }
    *o++ = '\0';
    *sp = s;
    *out = o;
    return 0;
}

/* Parses the next job from *sp; returns 1 if one was found, 0 at the end,
 * -1 on a syntax error. */
static int parse_job(const char **sp, struct job *j, char **out)
{
    const char *s = *sp;
    memset(j, 0, sizeof *j);
    struct cmd *c = &j->cmds[0];
    j->ncmds = 1;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\n')
            s++;
        if (!*s || *s == ';' || *s == '&') {
            j->background = *s == '&';
            if (*s)
                s++;
            break;
        }
        if (*s == '|') {
            if (c->argc == 0 || j->ncmds == MAXCMDS)
                return -1;
            c = &j->cmds[j->ncmds++];
            s++;
            continue;
        }
        if (c->argc == MAXWORDS)
            return -1;
        c->argv[c->argc++] = *out;
        if (read_word(&s, out) < 0)
            return -1;
    }
    *sp = s;
    if (j->ncmds == 1 && c->argc == 0)
        return *s ? parse_job(sp, j, out) : 0;
    return c->argc == 0 ? -1 : 1;
}

static void exec_cmd(struct cmd *c)
{
    exec(c->argv[0], c->argv);
    fprintf(2, "sh: %s: not found\n", c->argv[0]);
    exit(127);
}

/* Runs a pipeline inside the current (already forked) process: forks
 * every stage but the last, which it becomes, its stdin and stdout
 * chained by pipes. */
static void run_pipeline(struct job *j)
{
    for (int i = 0; i < j->ncmds - 1; i++) {
        int fds[2];
        if (pipe(fds) < 0) {
            fprintf(2, "sh: pipe failed\n");
            exit(1);
        }
        int pid = fork();
        if (pid < 0) {
            fprintf(2, "sh: fork failed\n");
            exit(1);
        }
        if (pid == 0) {         /* stage i writes into the pipe */
            close(1);
            dup(fds[1]);
            close(fds[0]);
            close(fds[1]);
            exec_cmd(&j->cmds[i]);
        }
        close(0);               /* the rest reads from it */
        dup(fds[0]);
        close(fds[0]);
        close(fds[1]);
    }
    /* The last stage: wait for the others first would deadlock a full
     * pipe, so exec it; the earlier stages are reaped by init. */
    exec_cmd(&j->cmds[j->ncmds - 1]);
}

/* Waits for pid; background jobs that finish meanwhile are reaped quietly. */
static int wait_for(int pid)
{
    for (;;) {
        int status;
        int w = wait(&status);
        if (w == pid || w < 0)
            return w < 0 ? -1 : status;
    }
}

static int run_job(struct job *j)
{
    struct cmd *c = &j->cmds[0];
    if (j->ncmds == 1 && strcmp(c->argv[0], "exit") == 0)
        exit(c->argc > 1 ? atoi(c->argv[1]) : 0);
    int pid = fork();
    if (pid < 0) {
        fprintf(2, "sh: fork failed\n");
        return -1;
    }
    if (pid == 0)
        run_pipeline(j);
    if (j->background) {
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
    char *out = words;
    struct job j;
    int status = 0, r;
    while ((r = parse_job(&line, &j, &out)) > 0)
        status = run_job(&j);
    if (r < 0) {
        fprintf(2, "sh: syntax error\n");
        return 2;
    }
    return status;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "-c") == 0)
        return run_line(argv[2]);
    static char line[LINE_MAX];
    for (;;) {
        printf("$ ");
        gets_fd(0, line, sizeof line);
        if (line[0] == '\0')
            return 0;           /* end of input */
        run_line(line);
    }
}
