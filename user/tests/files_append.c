/*
 * Two processes append to one file at once (O_APPEND, each with its own
 * open file): no record overwrites another, the file holds every record
 * whole. Meaningful with two CPUs (guest_smp2), where both run together.
 */
#include "user.h"
#include "utest.h"

#define RECORDS 300
#define RECLEN  32

static int writer(char tag)
{
    int fd = open("/tmp/app", O_WRONLY | O_APPEND);
    char rec[RECLEN];
    memset(rec, tag, sizeof rec);
    rec[RECLEN - 1] = '\n';
    for (int i = 0; i < RECORDS; i++)
        if (write(fd, rec, RECLEN) != RECLEN)
            return 1;
    return 0;
}

static int writer_a(void) { return writer('a'); }
static int writer_b(void) { return writer('b'); }

int main(void)
{
    close(open("/tmp/app", O_WRONLY | O_CREAT | O_TRUNC));
    spawn(writer_a);
    spawn(writer_b);
    int s1 = -1, s2 = -1;
    wait(&s1);
    wait(&s2);
    CHECK_EQ(s1, 0);
    CHECK_EQ(s2, 0);
    struct stat st;
    stat("/tmp/app", &st);
    CHECK_EQ(st.size, 2 * RECORDS * RECLEN);
    int fd = open("/tmp/app", O_RDONLY), counts[2] = { 0 }, bad = 0;
    char rec[RECLEN];
    while (read(fd, rec, RECLEN) == RECLEN) {
        char t = rec[0];
        for (int i = 1; i < RECLEN - 1; i++)
            bad += rec[i] != t;
        bad += rec[RECLEN - 1] != '\n' || (t != 'a' && t != 'b');
        counts[t == 'b']++;
    }
    close(fd);
    CHECK_EQ(bad, 0);
    CHECK_EQ(counts[0], RECORDS);
    CHECK_EQ(counts[1], RECORDS);
    unlink("/tmp/app");
    DONE();
}
