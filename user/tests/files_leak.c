/*
 * Memory accounting is exact: 1,000 files created, written, truncated and
 * unlinked (and a directory tree made and removed) leave free memory
 * exactly where it was.
 */
#include "user.h"
#include "utest.h"

static char data[9000];

static int cycle(int i)
{
    char name[32];
    snprintf(name, sizeof name, "/tmp/leak%d", i);
    int fd = open(name, O_RDWR | O_CREAT | O_EXCL);
    if (fd < 0)
        return 0;
    int n = 1 + (i * 37) % (int)sizeof data;
    int ok = write(fd, data, n) == n;
    if (i % 3 == 0) {                       /* truncate, then write again */
        close(fd);
        fd = open(name, O_WRONLY | O_TRUNC);
        ok &= write(fd, data, 100) == 100;
    }
    if (i % 5 == 0)                         /* unlinked while open */
        ok &= unlink(name) == 0 && close(fd) == 0;
    else
        ok &= close(fd) == 0 && unlink(name) == 0;
    return ok;
}

int main(void)
{
    memset(data, 'x', sizeof data);
    cycle(0);                               /* warm up */
    mkdir("/tmp/warm");
    unlink("/tmp/warm");
    unsigned int f0 = free_memory();
    int ok = 0;
    for (int i = 1; i <= 1000; i++)
        ok += cycle(i);
    CHECK_EQ(mkdir("/tmp/t1"), 0);
    CHECK_EQ(mkdir("/tmp/t1/t2"), 0);
    close(open("/tmp/t1/t2/f", O_WRONLY | O_CREAT));
    CHECK_EQ(unlink("/tmp/t1/t2/f"), 0);
    CHECK_EQ(unlink("/tmp/t1/t2"), 0);
    CHECK_EQ(unlink("/tmp/t1"), 0);
    unsigned int f1 = free_memory();
    printf("  1000 files: freemem before %u after %u\n", f0, f1);
    CHECK_EQ(ok, 1000);
    CHECK_EQ(f1, f0);
    DONE();
}
