/*
 * An out-of-memory episode leaks nothing, however little memory there is
 * when a call fails part-way. A child takes every frame, then gives them
 * back one at a time; at each level k (exactly k frames free) it tries
 * fork, pipe, open and sbrk (another child: exec), and checks that every
 * failure left exactly k frames free. fork and exec start to succeed at
 * some small k (fork needs a copy of every page table).
 * Afterwards free memory and the process count are back to the baseline.
 *
 *   leak_oom               the test
 *   leak_oom exec FD K L   (what the exec at level K runs, L leaks seen so
 *                          far) writes K and L to FD
 */
#include "vm_util.h"

#define LEVELS 96

struct report {
    int fork_at, exec_at;               /* first level where each succeeded */
    int leaks;                          /* calls after which free memory was not k */
    int first_leak;                     /* "level * 100 + call" of the first */
    unsigned int taken;
};

static int out_fd;

static void leak_at(struct report *r, int k, int call)
{
    if (r->leaks++ == 0)
        r->first_leak = k * 100 + call;
}

/* mode 0: fork, pipe, open and sbrk at each level, until fork has worked
 * at three levels; mode 1: exec at each level until it works. */
static int graded(int mode)
{
    pretouch_stack();
    pretouch_image();
    struct report r = { -1, -1, 0, 0, 0 };
    char fdarg[12], karg[LEVELS][4], leaks[12];
    snprintf(fdarg, sizeof fdarg, "%d", out_fd);
    for (int k = 0; k < LEVELS; k++)
        snprintf(karg[k], sizeof karg[k], "%d", k);
    snprintf(leaks, sizeof leaks, "%d", 0);
    char *args[] = { "leak_oom", "exec", fdarg, 0, leaks, 0 };
    r.taken = hog();
    if (free_pages() != 0)
        leak_at(&r, 0, 0);
    for (int k = 0; k < LEVELS; k++) {
        if (k > 0 && sbrk(-(int)PAGE) == SBRK_FAIL)
            break;
        if (free_pages() != (unsigned int)k)
            leak_at(&r, k, 1);
        if (mode == 1) {
            /* If exec works, the new image reports k and the leaks so far,
             * and this is over. */
            args[3] = karg[k];
            snprintf(leaks, sizeof leaks, "%d", r.leaks);
            exec("/test/leak_oom", args);
            if (free_pages() != (unsigned int)k)
                leak_at(&r, k, 8);
            continue;
        }
        int pid = fork_and_reap();
        if (pid > 0 && r.fork_at < 0)
            r.fork_at = k;
        if (free_pages() != (unsigned int)k)
            leak_at(&r, k, 2);
        int fds[2];
        if (pipe(fds) == 0) {
            close(fds[0]);
            close(fds[1]);
        }
        if (free_pages() != (unsigned int)k)
            leak_at(&r, k, 3);
        int fd = open("/bin/echo", O_RDONLY);
        if (fd >= 0)
            close(fd);
        if (free_pages() != (unsigned int)k)
            leak_at(&r, k, 4);
        if (sbrk((int)((k + 1) * PAGE)) != SBRK_FAIL)
            leak_at(&r, k, 5);          /* more than is free: must be refused */
        char *p = sbrk((int)(k * PAGE));
        if (p == SBRK_FAIL || sbrk(-(int)(k * PAGE)) != p + k * PAGE)
            leak_at(&r, k, 6);
        if (free_pages() != (unsigned int)k)
            leak_at(&r, k, 7);
        if (r.fork_at >= 0 && k >= r.fork_at + 2)
            break;
    }
    write(out_fd, &r, sizeof r);
    return 0;
}

/* Runs graded(mode) in a child; its report (exec_at and the leaks from
 * the exec'd image in mode 1). Nothing is read before the child is gone:
 * until then every page here is shared with it, and the copy a read into
 * one of them needs would take a frame from under its counts. */
static struct report run(int mode)
{
    int p[2];
    struct report r = { -1, -1, -1, -1, 0 };
    CHECK(pipe(p) == 0);
    out_fd = p[1];
    int pid = fork();
    if (pid == 0)
        exit(graded(mode));
    CHECK_EQ(wait_for(pid), 0);
    close(p[1]);
    static char buf[64];
    int have = 0, n;
    while ((n = read(p[0], buf + have, (int)sizeof buf - have)) > 0)
        have += n;
    close(p[0]);
    if (have == (int)sizeof r) {
        memcpy(&r, buf, sizeof r);
        CHECK(mode == 0);               /* mode 1: exec never worked */
    } else if (have == 2 * (int)sizeof(int) && mode == 1) {
        memcpy(&r.exec_at, buf, sizeof(int));
        memcpy(&r.leaks, buf + sizeof(int), sizeof(int));
    } else {
        printf("  mode %d: a %d-byte report\n", mode, have);
        CHECK(0);
    }
    return r;
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[1], "exec") == 0) {
        int kl[2] = { atoi(argv[3]), atoi(argv[4]) };
        write(atoi(argv[2]), kl, sizeof kl);
        return 0;
    }
    pretouch_image();
    run(1);                             /* warm up */
    unsigned int f0 = free_memory(), n0 = nproc_now();
    int start = uptime();
    struct report r = run(0);
    unsigned int f1 = free_memory(), n1 = nproc_now();
    struct report e = run(1);
    unsigned int f2 = free_memory(), n2 = nproc_now();
    printf("  took %u frames; fork first worked with %d free, exec with %d; calls that "
           "changed free memory: %d (first: level %d, call %d); %d ticks\n",
           r.taken, r.fork_at, e.exec_at, r.leaks + e.leaks,
           r.leaks ? r.first_leak / 100 : -1, r.leaks ? r.first_leak % 100 : -1,
           uptime() - start);
    printf("  freemem before %u, after the fork levels %u, after the exec levels %u; "
           "nproc %u -> %u -> %u\n", f0, f1, f2, n0, n1, n2);
    CHECK_EQ(r.leaks, 0);
    CHECK_EQ(e.leaks, 0);
    CHECK(r.fork_at > 0);
    CHECK(e.exec_at > 0);
    CHECK_EQ(f1, f0);
    CHECK_EQ(f2, f0);
    CHECK_EQ(n1, n0);
    CHECK_EQ(n2, n0);
    DONE();
}
