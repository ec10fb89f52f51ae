/*
 * The legitimate edge cases next to the hostile ones: buffers and strings
 * that span page boundaries, into pages never touched before (the kernel
 * faults them in as the CPU would), and up to the very last byte below
 * the heap's end and below USER_TOP, all work.
 *
 *   hostile_span                the test
 *   hostile_span args A B C     (exec'd by the test) checks its arguments
 */
#include "vm_util.h"

static const char *want_args[] = { "hostile_span", "args", "spanning-a-page-boundary",
                                   "second", 0 };

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "args") == 0) {
        for (int i = 0; i < argc; i++)
            if (!want_args[i] || strcmp(argv[i], want_args[i]) != 0)
                return 10 + i;
        return want_args[argc] == 0 ? 0 : 9;
    }

    char *b = sbrk(0);
    if ((uint32_t)b % PAGE)
        sbrk((int)(PAGE - (uint32_t)b % PAGE));
    char *h = sbrk(8 * (int)PAGE);      /* 8 fresh pages, none touched yet */
    char *end = h + 8 * PAGE;           /* the break: unmapped above */

    /* A write from a buffer spanning two pages; a read into one spanning
     * two untouched pages. */
    int p[2];
    CHECK(pipe(p) == 0);
    char *src = h + PAGE - 300, *dst = h + 3 * PAGE - 200;
    for (int i = 0; i < 600; i++)
        src[i] = (char)('a' + i % 26);
    CHECK_EQ(write(p[1], src, 600), 600);
    CHECK_EQ(read(p[0], dst, 600), 600);
    CHECK(memcmp(src, dst, 600) == 0);

    /* A file read into three pages, the last ending at the break. */
    int fd = open("/test/vm_lazy", O_RDONLY);   /* 150 KB */
    CHECK(fd >= 0);
    char *big = end - 2 * PAGE - 100;
    int n = read(fd, big, 2 * PAGE + 100);
    CHECK_EQ(n, 2 * (int)PAGE + 100);
    close(fd);
    fd = open("/test/vm_lazy", O_RDONLY);
    char first[64];
    CHECK_EQ(read(fd, first, sizeof first), (int)sizeof first);
    CHECK(memcmp(first, big, sizeof first) == 0);
    CHECK(big[1] == 'E' && big[2] == 'L' && big[3] == 'F');
    close(fd);

    /* Paths and records straddling a page boundary; the last bytes below
     * the break. */
    char *path = h + 5 * PAGE - 4;
    strcpy(path, "/bin/echo");
    fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    close(fd);
    char *last = end - 10;
    strcpy(last, "/bin/ls");            /* its NUL is the heap's last byte but two */
    fd = open(last, O_RDONLY);
    CHECK(fd >= 0);
    close(fd);
    struct sysinfo *si = (struct sysinfo *)(h + 6 * PAGE - 6);
    CHECK_EQ(sysinfo(si), 0);
    CHECK(si->totalmem >= si->freemem && si->freemem > 0);
    struct procinfo *pi = (struct procinfo *)(h + 7 * PAGE - 20);
    CHECK(getprocs(pi, 3) > 0);
    int *fds = (int *)(h + 6 * PAGE - 4);
    CHECK_EQ(pipe(fds), 0);
    CHECK(fds[0] > 2 && fds[1] > 2);
    close(fds[0]);
    close(fds[1]);
    CHECK_EQ(sysinfo((struct sysinfo *)(end - sizeof(struct sysinfo))), 0);
    CHECK_EQ(getprocs((struct procinfo *)(end - sizeof(struct procinfo)), 1), 1);

    /* The top of the stack: a buffer ending at USER_TOP works. */
    char *top = (char *)(USER_TOP - 8);
    char saved[8];
    memcpy(saved, top, 8);
    CHECK_EQ(write(p[1], "12345678", 8), 8);
    CHECK_EQ(read(p[0], top, 8), 8);
    CHECK(memcmp(top, "12345678", 8) == 0);
    memcpy(top, saved, 8);
    /* A never-touched stack page far below %esp (inside the 1 MiB). */
    char *deep = (char *)(STACK_LOW + 3 * PAGE - 2);
    CHECK_EQ(write(p[1], "deep", 4), 4);
    CHECK_EQ(read(p[0], deep, 4), 4);
    CHECK(memcmp(deep, "deep", 4) == 0);

    /* wait's status straddling a boundary. */
    int *st = (int *)(h + 4 * PAGE - 2);
    int pid = fork();
    if (pid == 0)
        exit(0x1234);
    CHECK_EQ(wait(st), pid);
    CHECK_EQ(*st, 0x1234);

    /* exec: path, argv array and argument strings all straddling. */
    char *xpath = h + 2 * PAGE - 5;
    strcpy(xpath, "/test/hostile_span");
    char *a2 = h + 4 * PAGE - 10;
    strcpy(a2, want_args[2]);
    char **xargv = (char **)(h + 5 * PAGE - 8);     /* [0], [1] | [2], [3], [4] */
    xargv[0] = "hostile_span";
    xargv[1] = "args";
    xargv[2] = a2;
    xargv[3] = "second";
    xargv[4] = 0;
    pid = fork();
    if (pid == 0) {
        exec(xpath, xargv);
        exit(99);
    }
    CHECK_EQ(wait_for(pid), 0);
    close(p[0]);
    close(p[1]);
    DONE();
}
