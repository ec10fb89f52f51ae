/*
 * Lazy loading: exec maps nothing. The first touch of an image page copies
 * it in from the initramfs (read-only data and initialised data with their
 * file contents, bss zero-filled), at a cost of exactly one frame; a second
 * touch costs nothing; read-only pages stay read-only; and a program starts
 * running before its image has been copied.
 *
 *   vm_lazy              the test
 *   vm_lazy probe FD     (exec'd by the test) writes the free memory it
 *                        sees at its first instruction to FD
 */
#include "vm_util.h"

#define NPG 16

/* One marker at each end of every page; aligned so that each array has
 * its pages to itself. */
#define MARK(k) [(k) * PAGE] = (k) + 1, [(k) * PAGE + PAGE - 1] = 0x80 + (k)
#define MARKS MARK(0), MARK(1), MARK(2), MARK(3), MARK(4), MARK(5), MARK(6), MARK(7), \
              MARK(8), MARK(9), MARK(10), MARK(11), MARK(12), MARK(13), MARK(14), MARK(15)

static const unsigned char ro[NPG * PAGE] __attribute__((aligned(4096))) = { MARKS };
static unsigned char rw[NPG * PAGE] __attribute__((aligned(4096))) = { MARKS };
static unsigned char zero[NPG * PAGE] __attribute__((aligned(4096)));

static volatile unsigned int sink;

/* Reads the first byte of n pages of base; returns a checksum. */
static void __attribute__((noinline)) read_pages(const volatile unsigned char *base, int n)
{
    unsigned int sum = 0;
    for (int k = 0; k < n; k++)
        sum += base[k * PAGE];
    sink = sum;
}

/* Free frames used by read_pages(base, n); read_pages(base, 0) first, so
 * that the code and stack involved are already there. */
static int __attribute__((noinline)) cost(const volatile unsigned char *base, int n)
{
    unsigned int before = free_pages();
    read_pages(base, n);
    return (int)(before - free_pages());
}

static int markers_ok(const unsigned char *a)
{
    for (int k = 0; k < NPG; k++) {
        if (a[k * PAGE] != k + 1 || a[k * PAGE + PAGE - 1] != 0x80 + k)
            return 0;
        for (unsigned int i = 1; i < PAGE - 1; i += 97)
            if (a[k * PAGE + i] != 0)
                return 0;
    }
    return 1;
}

static int write_ro(void)
{
    *(volatile unsigned char *)&ro[3 * PAGE] = 9;
    return SURVIVED;
}

static int write_text(void)
{
    *(volatile unsigned char *)(uintptr_t)write_ro = 0xC3;
    return SURVIVED;
}

static int probe(int fd)
{
    unsigned int f = free_memory();     /* before anything else happens */
    write(fd, &f, sizeof f);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "probe") == 0)
        return probe(atoi(argv[2]));

    cost(ro, 0);
    int c = cost(ro, NPG);
    printf("  read-only data: %d pages cost %d frames\n", NPG, c);
    CHECK_EQ(c, NPG);
    CHECK_EQ(cost(ro, NPG), 0);         /* present now */
    CHECK(markers_ok(ro));

    c = cost(rw, NPG);
    printf("  initialised data: %d pages cost %d frames\n", NPG, c);
    CHECK_EQ(c, NPG);
    CHECK(markers_ok(rw));
    rw[5 * PAGE + 7] = 77;              /* writable, and no new frame */
    CHECK_EQ(cost(rw, NPG), 0);
    CHECK_EQ(rw[5 * PAGE + 7], 77);

    c = cost(zero, NPG);
    printf("  bss: %d pages cost %d frames\n", NPG, c);
    CHECK_EQ(c, NPG);
    int nonzero = 0;
    for (unsigned int i = 0; i < sizeof zero; i++)
        nonzero += zero[i] != 0;
    CHECK_EQ(nonzero, 0);
    zero[NPG * PAGE - 1] = 1;
    CHECK_EQ(zero[NPG * PAGE - 1], 1);

    /* Read-only pages stay read-only, text included. */
    CHECK_EQ(child_status(write_ro), -1);
    CHECK_EQ(child_status(write_text), -1);
    CHECK(markers_ok(ro));

    /* A fresh exec of this program (its image holds the 32 pages of ro
     * and rw) is running after a handful of frames. */
    int fds[2];
    CHECK(pipe(fds) == 0);
    char fdarg[12];
    snprintf(fdarg, sizeof fdarg, "%d", fds[1]);
    unsigned int before = free_memory(), seen = 0;
    int pid = fork();
    if (pid == 0) {
        char *args[] = { "vm_lazy", "probe", fdarg, 0 };
        exec("/test/vm_lazy", args);
        exit(99);
    }
    CHECK_EQ(read(fds[0], &seen, sizeof seen), sizeof seen);
    CHECK_EQ(wait_for(pid), 0);
    int used = (int)(before - seen) / (int)PAGE;
    printf("  a new process runs this program after using %d frames (its image: %d+ pages)\n",
           used, 2 * NPG);
    CHECK(used > 0 && used < NPG);
    DONE();
}
