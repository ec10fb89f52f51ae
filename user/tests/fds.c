/* File descriptors: dup, open and pipe take the lowest free fd; the table
 * holds 16 and then they return -1 (pipe leaving nothing half-open); dup
 * and fork share the open file and its offset; parent and child can both
 * write one pipe; close, read and write of a bad fd, and a negative
 * length, give -1; bad buffers give -1 and never fault; open of a missing
 * file, of something too long, or for writing gives -1; /bin/echo reads
 * as an ELF file to its end; directories list their entries. */
#include "utest.h"

#define NOFILE 16

static int lowest_free(void)
{
    int fd = dup(0);
    close(fd);
    return fd;
}

/* Whether the newline-separated list holds the line `name`. */
static int has_line(const char *list, const char *name)
{
    size_t len = strlen(name);
    for (const char *line = list; *line;) {
        if (strncmp(line, name, len) == 0 && line[len] == '\n')
            return 1;
        const char *nl = strchr(line, '\n');
        if (!nl)
            break;
        line = nl + 1;
    }
    return 0;
}

int main(void)
{
    int base = lowest_free();
    CHECK_EQ(base, 3);                  /* runtests gives us 0, 1, 2 */

    /* Lowest free fd, for dup, open and pipe alike. */
    int a = dup(1), b = dup(1), c = dup(1);
    CHECK(a == base && b == base + 1 && c == base + 2);
    CHECK_EQ(close(b), 0);
    CHECK_EQ(dup(2), b);
    CHECK_EQ(close(a), 0);
    CHECK_EQ(open("/bin/echo", O_RDONLY), a);
    close(a);
    close(b);
    int fds[2];
    CHECK(pipe(fds) == 0);
    CHECK(fds[0] == a && fds[1] == b);
    close(fds[0]);
    close(fds[1]);
    close(c);

    /* A full table: dup and open fail; closing one frees exactly it. */
    int n = 0, last = -1, fd;
    while ((fd = dup(1)) >= 0) {
        last = fd;
        n++;
    }
    CHECK_EQ(n, NOFILE - base);
    CHECK_EQ(last, NOFILE - 1);
    CHECK_EQ(open("/bin/echo", O_RDONLY), -1);
    CHECK_EQ(pipe(fds), -1);
    CHECK_EQ(close(7), 0);
    CHECK_EQ(pipe(fds), -1);            /* one free fd is not enough... */
    CHECK_EQ(dup(1), 7);                /* ...and it stayed free */
    CHECK_EQ(close(7), 0);
    CHECK_EQ(close(12), 0);
    CHECK_EQ(pipe(fds), 0);
    CHECK(fds[0] == 7 && fds[1] == 12);
    for (fd = base; fd < NOFILE; fd++)
        CHECK_EQ(close(fd), 0);
    CHECK_EQ(lowest_free(), base);

    /* A bad pipe() pointer leaves no fd behind. */
    CHECK_EQ(pipe((int *)0), -1);
    CHECK_EQ(pipe((int *)0xC0100000), -1);
    CHECK_EQ(lowest_free(), base);

    /* Bad fds and lengths. */
    char buf[64];
    CHECK_EQ(close(-1), -1);
    CHECK_EQ(close(NOFILE), -1);
    CHECK_EQ(close(1000), -1);
    CHECK_EQ(close(base), -1);          /* not open */
    CHECK_EQ(read(-1, buf, 1), -1);
    CHECK_EQ(read(base, buf, 1), -1);
    CHECK_EQ(read(NOFILE, buf, 1), -1);
    CHECK_EQ(write(-1, "x", 1), -1);
    CHECK_EQ(write(99, "x", 1), -1);
    CHECK_EQ(dup(-1), -1);
    CHECK_EQ(dup(base), -1);
    CHECK_EQ(dup(NOFILE), -1);
    CHECK(pipe(fds) == 0);
    CHECK_EQ(read(fds[0], buf, -1), -1);
    CHECK_EQ(write(fds[1], "x", -5), -1);
    CHECK_EQ(write(1, "x", -1), -1);
    close(fds[0]);
    close(fds[1]);

    /* open: missing, too long, a directory for writing. */
    CHECK_EQ(open("/no/such/file", O_RDONLY), -1);
    CHECK_EQ(open("/bin/nosuch", O_RDONLY), -1);
    CHECK_EQ(open("/bin", O_WRONLY), -1);
    CHECK_EQ(open("/bin", O_RDWR), -1);
    CHECK_EQ(open((char *)0, O_RDONLY), -1);
    CHECK_EQ(open((char *)0xC0100000, O_RDONLY), -1);
    static char long_path[200];
    memset(long_path, 'a', sizeof long_path - 1);
    long_path[0] = '/';
    CHECK_EQ(open(long_path, O_RDONLY), -1);
    CHECK_EQ(lowest_free(), base);

    /* An initramfs file: ELF magic, then the offset moves on; it reads to
     * its end and then returns 0; it cannot be written. */
    fd = open("/bin/echo", O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(read(fd, buf, 4), 4);
    CHECK(memcmp(buf, "\x7f" "ELF", 4) == 0);
    CHECK_EQ(read(fd, buf, 3), 3);
    CHECK(buf[0] == 1 && buf[1] == 1 && buf[2] == 1);  /* 32-bit, LSB, v1 */
    CHECK_EQ(write(fd, "x", 1), -1);
    int size = 7, r;
    static char chunk[1000];
    while ((r = read(fd, chunk, sizeof chunk)) > 0)
        size += r;
    CHECK_EQ(r, 0);
    CHECK(size > 1000);
    CHECK_EQ(read(fd, buf, 4), 0);
    printf("  /bin/echo: %d bytes\n", size);
    close(fd);

    /* Bad buffers: -1, nothing written where it must not be. */
    fd = open("/bin/echo", O_RDONLY);
    CHECK_EQ(read(fd, (void *)0, 4), -1);
    CHECK_EQ(read(fd, (void *)0xC0100000, 4), -1);
    CHECK_EQ(read(fd, (void *)0xFFFFF000, 4), -1);
    unsigned char text_before = *(volatile unsigned char *)main;
    CHECK_EQ(read(fd, (void *)main, 4), -1);            /* read-only text */
    CHECK_EQ(*(volatile unsigned char *)main, text_before);
    CHECK_EQ(write(1, (void *)0, 1), -1);
    CHECK_EQ(write(1, (void *)0xC0100000, 16), -1);     /* kernel memory */
    CHECK(pipe(fds) == 0);
    CHECK_EQ(write(fds[1], (void *)0xC0100000, 16), -1);
    CHECK_EQ(write(fds[1], "ok", 2), 2);
    CHECK_EQ(read(fds[0], buf, 64), 2);                 /* nothing else went in */
    close(fds[0]);
    close(fds[1]);
    close(fd);

    /* dup shares the offset. */
    fd = open("/bin/echo", O_RDONLY);
    int fd2 = dup(fd);
    CHECK_EQ(read(fd, buf, 2), 2);
    CHECK_EQ(read(fd2, buf, 2), 2);
    CHECK(buf[0] == 'L' && buf[1] == 'F');
    /* So does fork: the child reads 4 bytes, the parent gets the next. */
    int pid = fork();
    if (pid == 0)
        exit(read(fd, buf, 4) == 4 && buf[0] == 1 && buf[1] == 1 ? 0 : 1);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
    CHECK_EQ(read(fd2, buf, 1), 1);
    CHECK_EQ(buf[0], 0);                /* e_ident[8]: EI_ABIVERSION */
    close(fd);
    /* The file stays open through fd2 alone. */
    CHECK_EQ(read(fd2, buf, 1), 1);
    close(fd2);

    /* Parent and child both write the same pipe. */
    CHECK(pipe(fds) == 0);
    pid = fork();
    if (pid == 0) {
        write(fds[1], "child.", 6);
        exit(0);
    }
    CHECK_EQ(wait(&status), pid);
    write(fds[1], "parent.", 7);
    close(fds[1]);
    int got = 0;
    while ((r = read(fds[0], buf + got, (int)sizeof buf - 1 - got)) > 0)
        got += r;
    buf[got] = '\0';
    CHECK(strcmp(buf, "child.parent.") == 0);
    close(fds[0]);

    /* Directories read as lists of names. */
    fd = open("/bin", O_RDONLY);
    CHECK(fd >= 0);
    static char list[2048];
    got = 0;
    while ((r = read(fd, list + got, 7)) > 0 && got < (int)sizeof list - 8)
        got += r;
    list[got] = '\0';
    close(fd);
    CHECK(has_line(list, "echo") && has_line(list, "sh"));
    fd = open("/", O_RDONLY);
    got = read(fd, list, sizeof list - 1);
    list[got > 0 ? got : 0] = '\0';
    close(fd);
    CHECK(has_line(list, "bin/") && has_line(list, "test/"));  /* dirs end in '/' */
    CHECK_EQ(lowest_free(), base);
    DONE();
}
