/*
 * Every system call that takes a pointer (wait, exec's path, argv array
 * and argv strings, getprocs, sysinfo, read, write, open, pipe) returns -1
 * for: NULL (except wait(NULL), which is allowed); an unmapped address;
 * kernel addresses; a buffer straddling
 * the end of user memory; a buffer in heap pages released by sbrk; and a
 * string with no terminator before the end of mapped memory (heap end,
 * top of the stack). Nothing is killed, nothing panics, no descriptor or
 * process is left behind, and the calls work again with good pointers.
 */
#include "vm_util.h"

#define NBAD 8
static uint32_t bad[NBAD];              /* filled in main */
static const char *bad_name[NBAD] = {
    "NULL", "page 1", "unmapped", "kernel", "kernel+1M", "0xFFFFFFF0",
    "straddling the top", "released heap",
};
static char *heap_end;                  /* page-aligned break; heap_end[-PAGE..) mapped */
static char *unterminated_heap;         /* runs to heap_end with no NUL */
static char *unterminated_stack;        /* runs to USER_TOP with no NUL */

static int failures_at(const char *call, int i, int r)
{
    if (r != -1) {
        printf("  %s with %s (%x) returned %d\n", call, bad_name[i], bad[i], r);
        return 1;
    }
    return 0;
}

static int open_fds(void)
{
    int fd = dup(0);                    /* the lowest free descriptor */
    close(fd);
    return fd;
}

int main(void)
{
    char *b = sbrk(0);
    if ((uint32_t)b % PAGE)
        sbrk((int)(PAGE - (uint32_t)b % PAGE));
    heap_end = sbrk((int)PAGE) + PAGE;
    memset(heap_end - PAGE, 'a', PAGE);
    char *rel = sbrk(2 * (int)PAGE);    /* above heap_end */
    rel[0] = rel[PAGE] = 1;
    sbrk(-2 * (int)PAGE);               /* released now: the break is heap_end again */
    unterminated_heap = heap_end - 100;
    unterminated_stack = (char *)(USER_TOP - 16);
    memset(unterminated_stack, 'b', 16);    /* over our argv strings: no longer needed */

    uint32_t v[NBAD] = { 0, PAGE, UNMAPPED, USER_TOP, USER_TOP + 0x100000, 0xFFFFFFF0u,
                         USER_TOP - 2, (uint32_t)rel };
    memcpy(bad, v, sizeof bad);

    int fdbase = open_fds(), n0 = (int)nproc_now();
    int file = open("/bin/echo", O_RDONLY), p[2];
    CHECK(file >= 0 && pipe(p) == 0);
    CHECK_EQ(write(p[1], "data", 4), 4);    /* so that a pipe read has bytes to copy */
    char *args[] = { "echo", 0 };
    int fails = 0;

    for (int i = 0; i < NBAD; i++) {
        char *ptr = (char *)bad[i];
        fails += failures_at("read(file)", i, read(file, ptr, 16));
        fails += failures_at("read(pipe)", i, read(p[0], ptr, 16));
        fails += failures_at("write(console)", i, write(1, ptr, 16));
        fails += failures_at("write(pipe)", i, write(p[1], ptr, 16));
        fails += failures_at("open", i, open(ptr, O_RDONLY));
        fails += failures_at("pipe", i, pipe((int *)ptr));
        fails += failures_at("sysinfo", i, sysinfo((struct sysinfo *)ptr));
        fails += failures_at("getprocs", i, getprocs((struct procinfo *)ptr, 8));
        fails += failures_at("exec(path)", i, exec(ptr, args));
        fails += failures_at("exec(argv)", i, exec("/bin/echo", (char **)ptr));
        char *bad_arg[] = { "echo", ptr, 0 };
        if (ptr)                        /* (a NULL there just ends argv) */
            fails += failures_at("exec(argv[1])", i, exec("/bin/echo", bad_arg));
        /* wait, with a zombie child to report (wait(NULL) is allowed: it
         * means "the status is not wanted") */
        if (!ptr)
            continue;
        int pid = fork();
        if (pid == 0)
            exit(5);
        int w = wait((int *)ptr);
        fails += failures_at("wait", i, w);
        /* The pointer is checked before reaping (docs/syscalls.md), so the
         * child and its status wait for a correct call. */
        int status = 0;
        if (w < 0 && (wait(&status) != pid || status != 5))
            fails += printf("  wait with %s lost its child's status\n", bad_name[i]) > 0;
    }

    /* Strings with no terminator before the end of mapped memory. */
    const char *unterminated[] = { unterminated_heap, unterminated_stack };
    for (int i = 0; i < 2; i++) {
        const char *s = unterminated[i];
        CHECK_EQ(open(s, O_RDONLY), -1);
        CHECK_EQ(exec(s, args), -1);
        char *a[] = { "echo", (char *)s, 0 };
        CHECK_EQ(exec("/bin/echo", a), -1);
    }
    /* An argv array with no terminating NULL before the end of the heap. */
    char **arr = (char **)(heap_end - 4 * sizeof(char *));
    for (int i = 0; i < 4; i++)
        arr[i] = "echo";
    CHECK_EQ(exec("/bin/echo", arr), -1);
    /* An argv array straddling the top of user memory. */
    CHECK_EQ(exec("/bin/echo", (char **)(USER_TOP - 4)), -1);

    /* The pipe still holds its 4 bytes: failed reads took nothing, failed
     * writes added nothing. */
    char got[8] = { 0 };
    CHECK_EQ(write(p[1], "!", 1), 1);
    CHECK_EQ(read(p[0], got, sizeof got), 5);
    CHECK(memcmp(got, "data!", 5) == 0);
    close(file);
    close(p[0]);
    close(p[1]);
    CHECK_EQ(fails, 0);
    CHECK_EQ(open_fds(), fdbase);       /* no descriptor left behind */
    CHECK_EQ(settle_nproc((unsigned int)n0), (unsigned int)n0);

    /* Good pointers work. */
    struct sysinfo si;
    CHECK_EQ(sysinfo(&si), 0);
    int st = 0, pid = fork();
    if (pid == 0)
        exit(9);
    CHECK_EQ(wait(&st), pid);
    CHECK_EQ(st, 9);
    DONE();
}
