/*
 * exec from a file in frames: this program copies itself to /tmp/fe and
 * runs the copy, which overwrites its own file in place and then empties
 * it, before it first touches six pages of read-only data. The pages still hold what the file
 * held at exec (the program's image shares the frames, and the write
 * copied before changing them). Afterwards free memory is back where it
 * was.
 */
#include "user.h"
#include "utest.h"

#define PAGE_WORDS 1024

/* Six pages of constants, loaded lazily: untouched until the check. */
static const unsigned int marks[6 * PAGE_WORDS] = {
    [0] = 0x11, [1 * PAGE_WORDS] = 0x22, [2 * PAGE_WORDS] = 0x33,
    [3 * PAGE_WORDS] = 0x44, [4 * PAGE_WORDS] = 0x55, [5 * PAGE_WORDS + 7] = 0x66,
};

/* Overwrites the whole file in place, then empties it. */
static int spoil_file(void)
{
    struct stat st;
    char junk[1024];
    memset(junk, 'x', sizeof junk);
    int fd = open("/tmp/fe", O_WRONLY);
    if (fd < 0 || fstat(fd, &st) < 0)
        return -1;
    for (unsigned int done = 0; done < st.size; done += sizeof junk)
        if (write(fd, junk, sizeof junk) != (int)sizeof junk)
            return -1;
    close(fd);
    close(open("/tmp/fe", O_WRONLY | O_TRUNC));
    return 0;
}

static int child_checks(void)
{
    if (spoil_file() < 0)
        return 2;
    const volatile unsigned int *m = marks;
    return m[0] == 0x11 && m[PAGE_WORDS] == 0x22 && m[2 * PAGE_WORDS] == 0x33 &&
           m[3 * PAGE_WORDS] == 0x44 && m[4 * PAGE_WORDS] == 0x55 &&
           m[5 * PAGE_WORDS + 7] == 0x66 ? 0 : 1;
}

static int copy_self(void)
{
    int in = open("/test/files_exec", O_RDONLY);
    int out = open("/tmp/fe", O_WRONLY | O_CREAT | O_TRUNC);
    char buf[1024];
    int n, ok = in >= 0 && out >= 0;
    while (ok && (n = read(in, buf, sizeof buf)) > 0)
        ok = write(out, buf, n) == n;
    close(in);
    close(out);
    return ok;
}

/* Copies, runs the copy, removes it; the copy's exit status. */
static int cycle(void)
{
    if (!copy_self())
        return -1;
    int pid = fork();
    if (pid == 0) {
        char *argv[] = { "files_exec", "child", 0 };
        exec("/tmp/fe", argv);
        exit(99);
    }
    int status = -1;
    wait(&status);
    unlink("/tmp/fe");
    return status;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "child") == 0)
        return child_checks();
    CHECK_EQ(cycle(), 0);
    unsigned int f0 = free_memory();
    CHECK_EQ(cycle(), 0);
    CHECK_EQ(free_memory(), f0);
    DONE();
}
