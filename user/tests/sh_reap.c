/* sh reaps finished background jobs as it goes: one `sh -c` list of 800
 * `true&` (far more jobs than the process table has slots; 800 is what
 * fits in exec's 4 KiB of arguments) starts every job, no fork fails, sh
 * exits 0, and the process count returns to where it started. */
#include "utest.h"

#define JOBS 800

static char line[JOBS * 5 + 1];
static char out[JOBS * 16];

static int contains(const char *s, const char *word)
{
    for (; *s; s++)
        if (strncmp(s, word, strlen(word)) == 0)
            return 1;
    return 0;
}

/* Runs `sh -c LINE` with stdout and stderr into a pipe; returns what it
 * printed (NUL-terminated in out) and its exit status in *status. */
static int run_sh(int *status)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    int pid = fork();
    if (pid == 0) {
        close(1);
        dup(fds[1]);
        close(2);
        dup(fds[1]);
        close(fds[0]);
        close(fds[1]);
        char *argv[] = { "sh", "-c", line, 0 };
        exec("/bin/sh", argv);
        exit(127);
    }
    close(fds[1]);
    int len = 0, n;
    while ((n = read(fds[0], out + len, (int)sizeof out - 1 - len)) > 0)
        len += n;
    out[len] = '\0';
    close(fds[0]);
    CHECK(pid > 0);
    CHECK_EQ(wait(status), pid);
    return len;
}

int main(void)
{
    for (int i = 0; i < JOBS; i++)
        memcpy(line + 5 * i, "true&", 5);
    unsigned int start = nproc_now();
    int status = -1;
    run_sh(&status);
    int started = 0;
    for (char *p = out; *p; p++)
        started += *p == '[' && (p == out || p[-1] == '\n');
    CHECK_EQ(status, 0);
    CHECK_EQ(started, JOBS);
    CHECK(!contains(out, "fork failed"));
    /* Jobs sh had not reaped when it exited go to init, which reaps them. */
    for (int t = 0; t < 500 && nproc_now() != start; t++)
        sleep(1);
    CHECK_EQ(nproc_now(), start);
    printf("  %d jobs started, %d processes at the end (%d at the start)\n", started,
           (int)nproc_now(), (int)start);
    DONE();
}
