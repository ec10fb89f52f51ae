/*
 * The Unix rules: a file unlinked while open stays readable and writable
 * and its pages return at the last close; a child shares its parent's
 * offsets; exec keeps open descriptors; the working directory is
 * inherited by fork and kept by exec; a removed working directory makes
 * relative lookups fail cleanly.
 */
#include "user.h"
#include "utest.h"

static void test_unlink_while_open(void)
{
    int fd = open("/tmp/u1", O_RDWR | O_CREAT);
    char page[4096];
    memset(page, 'u', sizeof page);
    CHECK_EQ(write(fd, page, sizeof page), 4096);
    unsigned int with_file = free_memory();
    CHECK_EQ(unlink("/tmp/u1"), 0);
    CHECK(stat("/tmp/u1", &(struct stat){ 0 }) < 0);
    struct stat st;
    CHECK_EQ(fstat(fd, &st), 0);
    CHECK_EQ(st.nlink, 0);
    CHECK_EQ(write(fd, "tail", 4), 4);
    CHECK_EQ(lseek(fd, 4090, SEEK_SET), 4090);
    char buf[16] = { 0 };
    CHECK_EQ(read(fd, buf, sizeof buf), 10);
    CHECK(memcmp(buf, "uuuuuutail", 10) == 0);
    unsigned int still = free_memory();
    CHECK(still <= with_file);                      /* nothing returned yet */
    close(fd);
    CHECK(free_memory() >= with_file + 2);          /* both pages came back */
}

static void test_shared_offset(void)
{
    int fd = open("/tmp/u2", O_RDWR | O_CREAT | O_TRUNC);
    int pid = fork();
    if (pid == 0) {
        write(fd, "child ", 6);
        exit(0);
    }
    wait(0);
    CHECK_EQ(write(fd, "parent", 6), 6);            /* after the child's bytes */
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 12);
    lseek(fd, 0, SEEK_SET);
    char buf[16] = { 0 };
    CHECK_EQ(read(fd, buf, sizeof buf), 12);
    CHECK(strcmp(buf, "child parent") == 0);
    close(fd);
    unlink("/tmp/u2");
}

/* exec keeps descriptors (the echo writes into fd 1, our file) and the
 * working directory (sh's pwd prints it). */
static void test_exec_keeps(void)
{
    mkdir("/tmp/u3");
    int pid = fork();
    if (pid == 0) {
        chdir("/tmp/u3");
        int fd = open("out", O_WRONLY | O_CREAT);
        dup2(fd, 1);
        close(fd);
        char *argv[] = { "sh", "-c", "echo kept; pwd", 0 };
        exec("/bin/sh", argv);
        exit(99);
    }
    int status = -1;
    wait(&status);
    CHECK_EQ(status, 0);
    int fd = open("/tmp/u3/out", O_RDONLY);
    char buf[32] = { 0 };
    CHECK(fd >= 0);
    read(fd, buf, sizeof buf);
    CHECK(strcmp(buf, "kept\n/tmp/u3\n") == 0);
    close(fd);
    unlink("/tmp/u3/out");
    unlink("/tmp/u3");
}

static int in_removed_dir(void)
{
    if (mkdir("/tmp/u4") < 0 || chdir("/tmp/u4") < 0 || unlink("/tmp/u4") < 0)
        return 1;
    if (open("f", O_WRONLY | O_CREAT) >= 0 || mkdir("d") >= 0 ||
        stat(".", &(struct stat){ 0 }) >= 0 || chdir("..") >= 0)
        return 2;
    if (stat("/tmp", &(struct stat){ 0 }) < 0 || chdir("/") < 0)
        return 3;                                   /* absolute paths still work */
    return 0;
}

static void test_cwd_inherited(void)
{
    CHECK_EQ(chdir("/etc"), 0);
    int pid = fork();
    if (pid == 0) {
        char cwd[MAXPATH];
        getcwd(cwd, sizeof cwd);
        exit(strcmp(cwd, "/etc") == 0 && stat("motd", &(struct stat){ 0 }) == 0 ? 0 : 1);
    }
    int status = -1;
    wait(&status);
    CHECK_EQ(status, 0);
    chdir("/");
    int st = -1;
    wait((spawn(in_removed_dir), &st));
    CHECK_EQ(st, 0);
}

int main(void)
{
    test_unlink_while_open();
    test_shared_offset();
    test_exec_keeps();
    test_cwd_inherited();
    DONE();
}
