/*
 * Every file system call and its error cases: open's flags (O_CREAT,
 * O_TRUNC, O_APPEND, O_EXCL), lseek, fstat/stat, mkdir, unlink, chdir,
 * getcwd, dup2; a bad pointer, a missing component, a name too long, a
 * file where a directory is needed and the reverse, an existing name with
 * O_EXCL, a full descriptor table: each -1, with nothing left behind.
 */
#include "user.h"
#include "utest.h"

#define BAD ((void *)0xC0001000)        /* kernel memory */

static int fsize(const char *path)
{
    struct stat st;
    return stat(path, &st) < 0 ? -1 : (int)st.size;
}

static void test_open_flags(void)
{
    CHECK(open("/tmp/c1", O_RDONLY) < 0);                   /* missing */
    int fd = open("/tmp/c1", O_RDWR | O_CREAT | O_EXCL);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "hello", 5), 5);
    CHECK(open("/tmp/c1", O_RDWR | O_CREAT | O_EXCL) < 0);  /* exists */
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    char buf[16] = { 0 };
    CHECK_EQ(read(fd, buf, sizeof buf), 5);
    CHECK(memcmp(buf, "hello", 5) == 0);
    CHECK_EQ(read(fd, buf, sizeof buf), 0);                 /* end of file */
    close(fd);
    fd = open("/tmp/c1", O_WRONLY | O_APPEND);
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK_EQ(write(fd, "!", 1), 1);                         /* at the end anyway */
    CHECK_EQ(read(fd, buf, 1), -1);                         /* write-only */
    close(fd);
    CHECK_EQ(fsize("/tmp/c1"), 6);
    fd = open("/tmp/c1", O_RDONLY | O_TRUNC);               /* read-only: no truncation */
    CHECK_EQ(write(fd, "x", 1), -1);
    close(fd);
    CHECK_EQ(fsize("/tmp/c1"), 6);
    fd = open("/tmp/c1", O_WRONLY | O_TRUNC);
    CHECK_EQ(fsize("/tmp/c1"), 0);
    close(fd);
    CHECK(open("/tmp/c1", 3) < 0);                          /* bad access mode */
    CHECK(open("/tmp/c1", O_RDONLY | 0x10000) < 0);         /* unknown flag */
    CHECK(open(BAD, O_RDONLY) < 0);
    CHECK(open("", O_RDONLY) < 0);
    CHECK_EQ(unlink("/tmp/c1"), 0);
    CHECK(unlink("/tmp/c1") < 0);
}

static void test_lseek_stat(void)
{
    int fd = open("/tmp/c2", O_RDWR | O_CREAT);
    CHECK_EQ(write(fd, "0123456789", 10), 10);
    CHECK_EQ(lseek(fd, -3, SEEK_END), 7);
    char c;
    CHECK_EQ(read(fd, &c, 1), 1);
    CHECK_EQ(c, '7');
    CHECK_EQ(lseek(fd, -2, SEEK_CUR), 6);
    CHECK_EQ(lseek(fd, -1, SEEK_SET), -1);
    CHECK_EQ(lseek(fd, 0, 7), -1);
    CHECK_EQ(lseek(fd, 5000, SEEK_SET), 5000);              /* past the end: a hole */
    CHECK_EQ(write(fd, "z", 1), 1);
    CHECK_EQ(fsize("/tmp/c2"), 5001);
    CHECK_EQ(lseek(fd, 100, SEEK_SET), 100);
    CHECK_EQ(read(fd, &c, 1), 1);
    CHECK_EQ(c, 0);                                         /* holes read as zeros */
    struct stat st, st2;
    CHECK_EQ(fstat(fd, &st), 0);
    CHECK_EQ(st.type, T_FILE);
    CHECK_EQ(st.nlink, 1);
    CHECK_EQ(stat("/tmp/c2", &st2), 0);
    CHECK_EQ(st2.ino, st.ino);
    CHECK(fstat(fd, BAD) < 0);
    CHECK(stat("/tmp/c2", BAD) < 0);
    CHECK(stat(BAD, &st) < 0);
    CHECK(fstat(99, &st) < 0);
    CHECK_EQ(stat("/tmp", &st), 0);
    CHECK_EQ(st.type, T_DIR);
    CHECK_EQ(fstat(0, &st), 0);
    CHECK_EQ(st.type, T_DEV);
    CHECK_EQ(lseek(0, 0, SEEK_SET), -1);                    /* the console */
    int p[2];
    CHECK_EQ(pipe(p), 0);
    CHECK_EQ(fstat(p[0], &st), 0);
    CHECK_EQ(st.type, T_PIPE);
    CHECK_EQ(lseek(p[1], 0, SEEK_SET), -1);
    close(p[0]);
    close(p[1]);
    close(fd);
    unlink("/tmp/c2");
}

static void test_paths(void)
{
    CHECK_EQ(mkdir("/tmp/d"), 0);
    CHECK(mkdir("/tmp/d") < 0);                             /* exists */
    CHECK(mkdir("/tmp/nope/d") < 0);                        /* missing component */
    CHECK(mkdir(BAD) < 0);
    int fd = open("//tmp///d/./../d/f", O_WRONLY | O_CREAT);
    CHECK(fd >= 0);
    close(fd);
    CHECK_EQ(fsize("/tmp/d/f"), 0);
    CHECK(open("/tmp/d/f/g", O_WRONLY | O_CREAT) < 0);      /* a file as a directory */
    CHECK(stat("/tmp/d/f/", &(struct stat){ 0 }) < 0);
    CHECK(open("/tmp/d", O_WRONLY) < 0);                    /* a directory for writing */
    CHECK(open("/tmp/d", O_RDONLY | O_CREAT | O_EXCL) < 0);
    CHECK(chdir("/tmp/d/f") < 0);                           /* not a directory */
    CHECK(unlink("/tmp/d") < 0);                            /* not empty */
    CHECK(unlink("/tmp/d/.") < 0);
    CHECK(unlink("/") < 0);
    char longname[64];
    memset(longname, 'a', sizeof longname);
    strcpy(longname + MAXNAME + 1 - 5, ".txt");             /* MAXNAME exactly */
    char path[128];
    snprintf(path, sizeof path, "/tmp/%s", longname);
    fd = open(path, O_WRONLY | O_CREAT);
    CHECK(fd >= 0);
    close(fd);
    CHECK_EQ(unlink(path), 0);
    snprintf(path, sizeof path, "/tmp/x%s", longname);      /* MAXNAME + 1 */
    CHECK(open(path, O_WRONLY | O_CREAT) < 0);
    CHECK(stat(path, &(struct stat){ 0 }) < 0);
    char huge[200];
    memset(huge, 'b', sizeof huge - 1);
    huge[sizeof huge - 1] = 0;
    CHECK(open(huge, O_RDONLY | O_CREAT) < 0);              /* longer than MAXPATH */

    char cwd[MAXPATH];
    CHECK_EQ(chdir("/tmp/d"), 0);
    CHECK(getcwd(cwd, sizeof cwd) >= 0);
    CHECK(strcmp(cwd, "/tmp/d") == 0);
    CHECK(getcwd(cwd, 6) < 0);                              /* does not fit */
    CHECK(getcwd(BAD, sizeof cwd) < 0);
    CHECK_EQ(fsize("f"), 0);                                /* relative */
    CHECK_EQ(fsize("../d/./f"), 0);
    CHECK_EQ(chdir(".."), 0);
    getcwd(cwd, sizeof cwd);
    CHECK(strcmp(cwd, "/tmp") == 0);
    CHECK_EQ(chdir("../.."), 0);                            /* the root's parent is the root */
    getcwd(cwd, sizeof cwd);
    CHECK(strcmp(cwd, "/") == 0);
    CHECK(chdir("/nope") < 0);
    CHECK_EQ(unlink("/tmp/d/f"), 0);
    CHECK_EQ(unlink("/tmp/d"), 0);
}

static void test_dup2_and_table(void)
{
    int fd = open("/tmp/c3", O_RDWR | O_CREAT);
    CHECK_EQ(dup2(fd, 10), 10);
    CHECK_EQ(dup2(fd, fd), fd);
    CHECK(dup2(fd, 16) < 0);
    CHECK(dup2(fd, -1) < 0);
    CHECK(dup2(15, 3) < 0);                                 /* not open */
    CHECK_EQ(write(10, "ab", 2), 2);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 2);                    /* one offset, two fds */
    CHECK_EQ(dup2(1, 10), 10);                              /* closes the old one */
    close(fd);
    /* Fill the table: the create that fails leaves no name. */
    int fds[16], n = 0;
    while (n < 16 && (fds[n] = open("/tmp/c3", O_RDONLY)) >= 0)
        n++;
    CHECK(n > 0 && n < 16);
    CHECK(open("/tmp/c3-new", O_WRONLY | O_CREAT) < 0);
    CHECK(stat("/tmp/c3-new", &(struct stat){ 0 }) < 0);
    for (int i = 0; i < n; i++)
        close(fds[i]);
    close(10);
    CHECK_EQ(unlink("/tmp/c3"), 0);
}

static void test_directory_listing(void)
{
    mkdir("/tmp/l");
    close(open("/tmp/l/a", O_WRONLY | O_CREAT));
    mkdir("/tmp/l/b");
    int fd = open("/tmp/l", O_RDONLY);
    char buf[64] = { 0 };
    CHECK_EQ(read(fd, buf, sizeof buf), 5);
    CHECK(strcmp(buf, "a\nb/\n") == 0);
    close(fd);
    unlink("/tmp/l/a");
    unlink("/tmp/l/b");
    CHECK_EQ(unlink("/tmp/l"), 0);
}

int main(void)
{
    test_open_flags();
    test_lseek_stat();
    test_paths();
    test_dup2_and_table();
    test_directory_listing();
    DONE();
}
