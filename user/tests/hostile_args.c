/*
 * Hostile arguments that are not pointers: bad descriptors, negative and
 * huge lengths, bad pids, bad system-call numbers, sbrk extremes, and a
 * system call made with %esp pointing at garbage. Each returns -1 (sbrk:
 * (char *)-1) and changes nothing; nothing is killed but what asked for it.
 */
#include "vm_util.h"

static int esp_getpid(uint32_t esp)
{
    int r;
    __asm__ volatile("movl %%esp, %%edi\n\t"
                     "movl %2, %%esp\n\t"
                     "int $0x80\n\t"
                     "movl %%edi, %%esp"
                     : "=a"(r)
                     : "a"(SYS_getpid), "r"(esp)
                     : "edi", "memory");
    return r == getpid() ? 0 : 1;
}

static int esp_exit(uint32_t esp)
{
    __asm__ volatile("movl %0, %%esp\n\t"
                     "int $0x80"
                     : : "r"(esp), "a"(SYS_exit), "b"(33) : "memory");
    return 1;
}

/* A buffer of n valid bytes right below the unmapped end of the heap. */
static char *heap_end;

int main(void)
{
    char *b = sbrk(0);
    if ((uint32_t)b % PAGE)
        sbrk((int)(PAGE - (uint32_t)b % PAGE));
    heap_end = sbrk(2 * (int)PAGE) + 2 * PAGE;
    const char msg[] = "hostile_args: BUG: this must never be printed\n";
    for (char *q = heap_end - 2 * PAGE; q + sizeof msg <= heap_end; q += sizeof msg - 1)
        memcpy(q, msg, sizeof msg - 1);

    int file = open("/bin/echo", O_RDONLY), dir = open("/bin", O_RDONLY), p[2];
    CHECK(file >= 0 && dir >= 0 && pipe(p) == 0);
    char buf[64];

    /* Bad descriptors. */
    int fds[] = { -1, -100, 16, 17, 100, 0x7fffffff, (int)0x80000000, 12 };
    for (unsigned int i = 0; i < sizeof fds / sizeof fds[0]; i++) {
        CHECK_EQ(read(fds[i], buf, 1), -1);
        CHECK_EQ(write(fds[i], "x", 1), -1);
        CHECK_EQ(close(fds[i]), -1);
        CHECK_EQ(dup(fds[i]), -1);
    }
    CHECK_EQ(read(p[1], buf, 1), -1);               /* the write end */
    CHECK_EQ(write(p[0], "x", 1), -1);              /* the read end */
    CHECK_EQ(write(file, "x", 1), -1);              /* opened read-only */
    CHECK_EQ(write(dir, "x", 1), -1);
    CHECK_EQ(open("/bin", O_WRONLY), -1);           /* a directory for writing */
    CHECK_EQ(open("/bin", O_RDWR), -1);
    CHECK_EQ(open("/bin/echo", 0x7fffffff), -1);
    CHECK_EQ(open("/no/such/file", O_RDONLY), -1);
    CHECK_EQ(open("", O_RDONLY), -1);               /* "" names nothing */
    char longpath[300];
    memset(longpath, 'a', sizeof longpath - 1);
    longpath[sizeof longpath - 1] = 0;
    CHECK_EQ(open(longpath, O_RDONLY), -1);
    int fd = dup(file);
    CHECK(fd >= 0);
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(close(fd), -1);                        /* twice */
    /* Filling the table: dup says -1, nothing breaks. */
    int got[16], n = 0;
    while (n < 16 && (got[n] = dup(1)) >= 0)
        n++;
    CHECK(n < 16);
    CHECK_EQ(dup(1), -1);
    CHECK_EQ(pipe(got + 15 - 15 + 0 * n), -1);      /* no room for two more */
    CHECK_EQ(open("/bin/echo", O_RDONLY), -1);
    while (n > 0)
        close(got[--n]);

    /* Negative and huge lengths. */
    int lens[] = { -1, -4096, INT_MIN_, INT_MAX_, 0x40000000, 0x10000000, 3 * (int)PAGE };
    for (unsigned int i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        char *q = heap_end - 300;       /* 300 good bytes, then unmapped */
        int r1 = read(file, q, lens[i]), r2 = read(dir, q, lens[i]);
        int r3 = write(1, q, lens[i]), r4 = write(p[1], q, lens[i]);
        int r5 = read(file, buf, lens[i]);
        if (r1 != -1 || r2 != -1 || r3 != -1 || r4 != -1 || (lens[i] < 0 && r5 != -1))
            printf("  length %d: read(file) %d read(dir) %d write(console) %d write(pipe) %d "
                   "read(file, stack buffer) %d\n", lens[i], r1, r2, r3, r4, r5);
        CHECK(r1 == -1 && r2 == -1 && r3 == -1 && r4 == -1);
        CHECK(lens[i] >= 0 || r5 == -1);
    }
    CHECK_EQ(read(file, buf, 0), 0);
    CHECK_EQ(write(1, buf, 0), 0);
    CHECK_EQ(getprocs((struct procinfo *)buf, -1), -1);
    CHECK_EQ(getprocs((struct procinfo *)buf, INT_MIN_), -1);
    CHECK_EQ(getprocs((struct procinfo *)buf, 0), 0);
    /* getprocs with room for one record and a huge max: the second record
     * would land past the heap's end. */
    CHECK_EQ(getprocs((struct procinfo *)(heap_end - sizeof(struct procinfo)), INT_MAX_), -1);

    /* Bad pids. */
    int pids[] = { 0, -1, -2, INT_MIN_, INT_MAX_, 99999, 1 };
    for (unsigned int i = 0; i < sizeof pids / sizeof pids[0]; i++) {
        if (pids[i] != 0 && pids[i] != -2)  /* kill: our group, group 2 (signal_wait) */
            CHECK_EQ(kill(pids[i], SIGKILL), -1);
        CHECK_EQ(suspend(pids[i]), -1);
        if (pids[i] != 1)
            CHECK_EQ(resume(pids[i]), -1);
    }
    CHECK_EQ(resume(getpid()), -1);                 /* not suspended */
    CHECK_EQ(wait(0), -1);                          /* no children */
    CHECK_EQ(sleep(-1), -1);
    CHECK_EQ(sleep(INT_MIN_), -1);
    CHECK_EQ(poweroff(0), -1);                      /* only init may */

    /* Bad system-call numbers. */
    int nums[] = { 0, 24, 25, 99, 255, 1000, -1, INT_MIN_, INT_MAX_ };
    for (unsigned int i = 0; i < sizeof nums / sizeof nums[0]; i++)
        CHECK_EQ(sys5(nums[i], 0, 0, 0, 0, 0), -1);

    /* sbrk extremes, including anything that would cross 0 or the stack. */
    char *brk = sbrk(0);
    CHECK(sbrk(INT_MIN_) == SBRK_FAIL);
    CHECK(sbrk(INT_MAX_) == SBRK_FAIL);
    CHECK(sbrk(-(int)(uint32_t)brk) == SBRK_FAIL);
    CHECK(sbrk(-(int)(uint32_t)brk - 1) == SBRK_FAIL);
    CHECK(sbrk(-0x40000000) == SBRK_FAIL);
    CHECK(sbrk(0x40000000) == SBRK_FAIL);
    CHECK(sbrk(0) == brk);

    /* %esp pointing at garbage: the kernel does not need it. */
    uint32_t esps[] = { 0, 1, 0xdeadbeef, USER_TOP, 0xFFFFFFFF, UNMAPPED + 3, STACK_LOW - 8 };
    for (unsigned int i = 0; i < sizeof esps / sizeof esps[0]; i++) {
        int a = child_status_arg(esp_getpid, esps[i]), e = child_status_arg(esp_exit, esps[i]);
        if (a != 0 || e != 33)
            printf("  esp %x: getpid child %d, exit child %d\n", esps[i], a, e);
        CHECK_EQ(a, 0);
        CHECK_EQ(e, 33);
    }
    close(file);
    close(dir);
    close(p[0]);
    close(p[1]);
    DONE();
}
