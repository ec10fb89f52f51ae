/* exec: passes argv exactly (MAXARG arguments, empty ones, long ones, any
 * bytes; argv[0] as given; argv[argc] == NULL) up to exactly MAXARG
 * arguments and MAXARGLEN bytes, and refuses one more of either with -1;
 * a missing file, a directory or a bad pointer gives -1 and the caller
 * runs on with its memory intact and nothing leaked; the new image is
 * fresh (data and bss as in the file) but keeps the pid, parent and open
 * files; "echo" and "/bin/echo" both run echo.
 *
 * The test execs itself (/test/exec_args) with argv[1] = "check" or "ids"
 * to act as the checker. */
#include "utest.h"
#include "proc/exec.h"          /* MAXARG, MAXARGLEN */

#define SELF "/test/exec_args"
#define EXEC_FAILED 50          /* a child's exit status: exec returned -1 */

static int data_marker = 7;
static int bss_marker;

/* Argument i of pattern "many": empty ones, long ones, odd bytes. */
static char *gen(int i, char *buf)
{
    if (i % 7 == 3) {
        buf[0] = '\0';
    } else if (i % 11 == 5) {
        int k;
        for (k = 0; k < 300; k++)
            buf[k] = (char)('a' + (i * 7 + k) % 26);
        buf[k] = '\0';
    } else if (i % 13 == 1) {
        strcpy(buf, " sp ace\ttab\nnl'\"\\q\x7f\xff ");
    } else {
        snprintf(buf, 32, "arg%d", i);
    }
    return buf;
}

/* The argument of pattern "long": len bytes. */
static char *gen_long(int len, char *buf)
{
    for (int k = 0; k < len; k++)
        buf[k] = (char)('A' + k % 26);
    buf[len] = '\0';
    return buf;
}

/* The checker: argv = SELF check many|long PARAM args... */
static int check(int argc, char **argv)
{
    if (data_marker != 7 || bss_marker != 0)
        return 3;                       /* not a fresh image */
    if (argv[argc] != 0)
        return 4;
    static char buf[MAXARGLEN];
    int param = atoi(argv[3]);
    if (strcmp(argv[2], "many") == 0) {
        if (argc != 4 + param)
            return 2;
        for (int i = 0; i < param; i++)
            if (strcmp(argv[4 + i], gen(i, buf)) != 0)
                return 10 + i;
        return 0;
    }
    if (strcmp(argv[2], "long") == 0) {
        if (argc != 5)
            return 2;
        return strcmp(argv[4], gen_long(param, buf)) == 0 ? 0 : 10;
    }
    return 5;
}

/* The checker of what exec keeps: argv = NAME ids PID PPID FD. */
static int ids(char **argv)
{
    int fd = atoi(argv[4]);
    struct procinfo pi;
    int ok = getpid() == atoi(argv[2]) && getppid() == atoi(argv[3]) &&
             strcmp(argv[0], "any name at all") == 0 &&
             proc_info(getpid(), &pi) == 0 && strcmp(pi.name, "exec_args") == 0;
    return write(fd, ok ? "ok" : "no", 2) == 2 ? 0 : 1;
}

/* Runs exec(path, argv) in a child; returns its exit status. If exec
 * fails the child checks its memory is intact and exits EXEC_FAILED. */
static int child_exec(const char *path, char **argv)
{
    int pid = fork();
    if (pid == 0) {
        data_marker = 99;
        bss_marker = 98;
        char *heap = malloc(100);
        strcpy(heap, "still here");
        exec(path, argv);
        exit(data_marker == 99 && bss_marker == 98 && strcmp(heap, "still here") == 0
             ? EXEC_FAILED : 51);
    }
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    return status;
}

static char *many_argv[1100];
static char many_bufs[MAXARG][320];

/* SELF check many N, then N generated arguments. */
static char **build_many(int n)
{
    static char count[16];
    snprintf(count, sizeof count, "%d", n);
    many_argv[0] = SELF;
    many_argv[1] = "check";
    many_argv[2] = "many";
    many_argv[3] = count;
    for (int i = 0; i < n; i++)
        many_argv[4 + i] = i < MAXARG ? gen(i, many_bufs[i]) : "x";
    many_argv[4 + n] = 0;
    return many_argv;
}

/* SELF check long LEN X: LEN chosen so all strings, NULs included, take
 * `total` bytes. */
static char **build_long(int total)
{
    static char len_str[16], buf[MAXARGLEN + 16];
    static char *argv[6];
    int fixed = (int)(strlen(SELF) + 1 + strlen("check") + 1 + strlen("long") + 1);
    int len = total - fixed - 5 - 1;    /* 4 digits + NUL, the arg's NUL */
    snprintf(len_str, sizeof len_str, "%4d", len);
    argv[0] = SELF;
    argv[1] = "check";
    argv[2] = "long";
    argv[3] = len_str;
    argv[4] = gen_long(len, buf);
    argv[5] = 0;
    return argv;
}

/* Runs argv's program with stdout into a pipe; returns what it printed. */
static char *output_of(const char *path, char **argv)
{
    static char out[256];
    int fds[2];
    pipe(fds);
    int pid = fork();
    if (pid == 0) {
        close(1);
        dup(fds[1]);
        close(fds[0]);
        close(fds[1]);
        exec(path, argv);
        exit(EXEC_FAILED);
    }
    close(fds[1]);
    int n = 0, r;
    while (n < (int)sizeof out - 1 && (r = read(fds[0], out + n, (int)sizeof out - 1 - n)) > 0)
        n += r;
    out[n] = '\0';
    close(fds[0]);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
    return out;
}

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "check") == 0)
        return check(argc, argv);
    if (argc == 5 && strcmp(argv[1], "ids") == 0)
        return ids(argv);

    /* MAXARG arguments in all, 60 of them generated: all arrive exactly. */
    CHECK_EQ(child_exec(SELF, build_many(MAXARG - 4)), 0);
    CHECK_EQ(child_exec(SELF, build_many(0)), 0);
    CHECK_EQ(child_exec(SELF, build_many(7)), 0);
    /* One too many, and far too many. */
    CHECK_EQ(child_exec(SELF, build_many(MAXARG - 3)), EXEC_FAILED);
    CHECK_EQ(child_exec(SELF, build_many(1000)), EXEC_FAILED);
    /* Exactly MAXARGLEN bytes of strings fit; one more does not. */
    CHECK_EQ(child_exec(SELF, build_long(MAXARGLEN)), 0);
    CHECK_EQ(child_exec(SELF, build_long(MAXARGLEN + 1)), EXEC_FAILED);
    CHECK_EQ(child_exec(SELF, build_long(MAXARGLEN + 3000)), EXEC_FAILED);

    /* Nothing to run. */
    char *plain[] = { "x", 0 };
    CHECK_EQ(child_exec("/no/such/file", plain), EXEC_FAILED);
    CHECK_EQ(child_exec("nosuchprogram", plain), EXEC_FAILED);
    CHECK_EQ(child_exec("", plain), EXEC_FAILED);
    CHECK_EQ(child_exec("/bin", plain), EXEC_FAILED);
    CHECK_EQ(child_exec("/test", plain), EXEC_FAILED);
    CHECK_EQ(child_exec("/", plain), EXEC_FAILED);
    /* Bad pointers. */
    char *bad_arg[] = { "x", (char *)0xC0100000, 0 };
    char *null_page_arg[] = { "x", (char *)1, 0 };
    CHECK_EQ(child_exec(0, plain), EXEC_FAILED);
    CHECK_EQ(child_exec((char *)0xC0100000, plain), EXEC_FAILED);
    CHECK_EQ(child_exec(SELF, 0), EXEC_FAILED);
    CHECK_EQ(child_exec(SELF, (char **)0xC0100000), EXEC_FAILED);
    CHECK_EQ(child_exec(SELF, bad_arg), EXEC_FAILED);
    CHECK_EQ(child_exec(SELF, null_page_arg), EXEC_FAILED);
    static char long_path[300];
    memset(long_path, 'p', sizeof long_path - 1);
    long_path[0] = '/';
    CHECK_EQ(child_exec(long_path, plain), EXEC_FAILED);

    /* What exec keeps: pid, parent, open files. */
    int fds[2];
    CHECK(pipe(fds) == 0);
    int pid = fork();
    if (pid == 0) {
        char s_pid[16], s_ppid[16], s_fd[16];
        snprintf(s_pid, sizeof s_pid, "%d", getpid());
        snprintf(s_ppid, sizeof s_ppid, "%d", getppid());
        snprintf(s_fd, sizeof s_fd, "%d", fds[1]);
        char *a[] = { "any name at all", "ids", s_pid, s_ppid, s_fd, 0 };
        exec(SELF, a);
        exit(EXEC_FAILED);
    }
    char reply[3] = { 0 };
    CHECK_EQ(read(fds[0], reply, 2), 2);
    CHECK(strcmp(reply, "ok") == 0);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
    close(fds[0]);
    close(fds[1]);

    /* echo by name and by path. */
    char *echo_argv[] = { "echo", "hello", "", "world  x", 0 };
    char *out = output_of("echo", echo_argv);
    printf("  exec(\"echo\") printed \"%s\"\n", out);
    CHECK(strcmp(out, "hello  world  x\n") == 0);
    out = output_of("/bin/echo", echo_argv);
    CHECK(strcmp(out, "hello  world  x\n") == 0);

    /* No leaks: a failing exec, and a successful one that replaces a
     * big image, give back everything (after one warm-up round). */
    unsigned int free_after[2];
    for (int round = 0; round < 2; round++) {
        pid = fork();
        if (pid == 0) {
            char *big = sbrk(100 * 4096);
            memset(big, 1, 100 * 4096);
            for (int i = 0; i < 5; i++)
                exec("/no/such/file", plain);
            exec(SELF, build_many(3));
            exit(EXEC_FAILED);
        }
        status = -5;
        CHECK_EQ(wait(&status), pid);
        CHECK_EQ(status, 0);
        free_after[round] = free_memory();
    }
    printf("  free memory after round 1: %u, after round 2: %u\n", free_after[0], free_after[1]);
    CHECK_EQ(free_after[1], free_after[0]);
    DONE();
}
