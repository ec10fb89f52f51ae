/*
 * A file system that fills memory: writes end with a short count and then
 * -1 (never a panic), what was written is in the file, creating a file or
 * a directory fails and leaves no name, the reserve left for processes
 * lets a fork and an exec still work, and unlinking gives every frame back.
 */
#include "user.h"
#include "utest.h"

#define FILE_MAX (1000 * 4096)          /* TMPFS_MAX_PAGES pages */

static char chunk[4096];

/* Forks a child that execs echo; its exit status. */
static int run_echo(void)
{
    int pid = fork();
    if (pid == 0) {
        char *argv[] = { "echo", "  still runs", 0 };
        exec("/bin/echo", argv);
        exit(99);
    }
    int status = -1;
    if (pid < 0 || wait(&status) != pid)
        return -1;
    return status;
}

int main(void)
{
    memset(chunk, 'm', sizeof chunk);
    run_echo();                             /* warm up: our pages private again */
    unsigned int f0 = free_memory();
    int files = 0, total = 0, last = 0;
    for (; files < 1000 && last >= 0; files++) {
        char name[32];
        snprintf(name, sizeof name, "/tmp/oom%d", files);
        int fd = open(name, O_WRONLY | O_CREAT);
        if (fd < 0)
            break;
        int in_file = 0;
        while ((last = write(fd, chunk, sizeof chunk)) == (int)sizeof chunk)
            in_file += last;
        if (last > 0)
            in_file += last;
        total += in_file;
        struct stat st;
        fstat(fd, &st);
        CHECK_EQ((int)st.size, in_file);   /* what the writes said is there */
        close(fd);
        if (in_file < FILE_MAX)
            break;                          /* memory ran out, not the file's size limit */
        last = 0;
    }
    printf("  filled %d KiB in %d files; %u KiB left free\n", total / 1024, files + 1,
           free_memory() / 1024);
    CHECK(free_memory() > 0);
    CHECK(free_memory() < 1024 * 1024);     /* memory really filled, bar the reserve */
    /* Creating anything fails now, and leaves no name behind. */
    CHECK(open("/tmp/oom-new", O_WRONLY | O_CREAT) < 0);
    CHECK(stat("/tmp/oom-new", &(struct stat){ 0 }) < 0);
    CHECK(mkdir("/tmp/oom-dir") < 0);
    CHECK(stat("/tmp/oom-dir", &(struct stat){ 0 }) < 0);
    CHECK_EQ(run_echo(), 0);                /* the reserve lets processes run */
    for (int i = 0; i <= files; i++) {
        char name[32];
        snprintf(name, sizeof name, "/tmp/oom%d", i);
        unlink(name);
    }
    CHECK_EQ(free_memory(), f0);
    DONE();
}
