/*
 * Copy-on-write fork. fork copies no page: parent and child share every
 * frame, reading costs nothing, and the first write to a page copies it
 * (one frame) on the writer's side only. The last sharer takes its page
 * back without a copy. Three-way sharing keeps three views. The kernel's
 * own writes into user memory (read, pipe, wait, sysinfo, getprocs)
 * respect the sharing just as a user write does.
 */
#include "vm_util.h"

#define N 128                           /* heap pages shared */

static char *heap;
static int data_var = 1000;             /* .data */
static int bss_var;                     /* .bss */

static void fill(char v)
{
    for (int k = 0; k < N; k++)
        heap[k * PAGE + (k % 100)] = (char)(v + k);
}

static int check(char v)
{
    int bad = 0;
    for (int k = 0; k < N; k++)
        bad += heap[k * PAGE + (k % 100)] != (char)(v + k);
    return bad;
}

/* Sends one int down a pipe; receives it. */
static void put(int fd, int v) { write(fd, &v, sizeof v); }
static int get(int fd)
{
    int v = -1;
    return read(fd, &v, sizeof v) == sizeof v ? v : -99999;
}

static void basic(void)
{
    int up[2], down[2];
    CHECK(pipe(up) == 0 && pipe(down) == 0);
    unsigned int before = free_pages();
    int go[2];
    CHECK(pipe(go) == 0);
    int pid = fork();
    if (pid == 0) {
        /* Child: reading shared pages costs nothing; each first write
         * costs one frame, and the parent's view is unaffected. The
         * parent is blocked meanwhile, so the counts are the child's. */
        get(go[0]);
        free_pages();
        unsigned int a = free_pages();
        int bad = check(10);
        unsigned int b = free_pages();
        fill(50);
        unsigned int c = free_pages();
        data_var = 2000;
        bss_var = 7;
        put(up[1], bad);
        put(up[1], (int)(a - b));
        put(up[1], (int)(b - c));
        get(down[0]);                   /* the parent has looked */
        exit(check(50) == 0 && data_var == 2000 && bss_var == 7 ? 0 : 1);
    }
    unsigned int after_fork = free_pages();
    put(go[1], 1);
    CHECK_EQ(get(up[0]), 0);            /* the child saw the parent's data */
    int read_cost = get(up[0]), write_cost = get(up[0]);
    printf("  fork of a process with %d heap pages used %u frames; child reads cost %d, "
           "writes to %d pages cost %d\n", N, before - after_fork, read_cost, N, write_cost);
    CHECK_EQ(read_cost, 0);
    CHECK_EQ(write_cost, N);
    CHECK(before - after_fork < 16);
    CHECK_EQ(check(10), 0);             /* the child's writes stayed there */
    CHECK_EQ(data_var, 1000);
    CHECK_EQ(bss_var, 0);
    put(down[1], 1);
    CHECK_EQ(wait_for(pid), 0);
    /* The child is gone: this process is the last sharer of every page
     * and takes them back without copying. */
    unsigned int f = free_pages();
    fill(20);
    data_var = 1001;
    CHECK_EQ(free_pages(), f);
    CHECK_EQ(check(20), 0);
    close(up[0]); close(up[1]); close(down[0]); close(down[1]);
    close(go[0]); close(go[1]);
}

static void three_way(void)
{
    fill(1);
    int p1[2];
    CHECK(pipe(p1) == 0);
    int a = fork();
    if (a == 0) {
        int g = fork();
        if (g == 0) {
            fill(3);
            put(p1[1], check(3));
            exit(0);
        }
        fill(2);
        int gs = wait_for(g);
        exit(check(2) == 0 && gs == 0 ? 0 : 1);
    }
    fill(4);
    CHECK_EQ(get(p1[0]), 0);
    CHECK_EQ(wait_for(a), 0);
    CHECK_EQ(check(4), 0);
    close(p1[0]);
    close(p1[1]);
}

/* The kernel writes into pages the process shares with a live child (the
 * observer): read, sysinfo, wait, getprocs and pipe each write into a
 * heap page that neither side has copied since the fork. The observer's
 * pages must not change, and its own read() must not reach the parent. */
static void kernel_writes(void)
{
    int data[2], go[2], res[2];
    CHECK(pipe(data) == 0 && pipe(go) == 0 && pipe(res) == 0);
    memset(heap, 'P', 5 * PAGE);
    int pid = fork();
    if (pid == 0) {
        get(go[0]);                     /* the parent has done its writes */
        int bad = 0;
        for (unsigned int i = 0; i < 5 * PAGE; i++)
            bad += heap[i] != 'P';
        bad += read(data[0], heap + 100, 5) != 5 || memcmp(heap + 100, "child", 5) != 0;
        put(res[1], bad);
        exit(0);
    }
    int z = fork();
    if (z == 0)
        exit(33);
    CHECK_EQ(write(data[1], "hello", 5), 5);
    CHECK_EQ(read(data[0], heap + 10, 5), 5);                   /* page 0 */
    CHECK(memcmp(heap + 10, "hello", 5) == 0);
    struct sysinfo *si = (struct sysinfo *)(heap + PAGE + 64);  /* page 1 */
    CHECK_EQ(sysinfo(si), 0);
    CHECK(si->totalmem > 0);
    int *status = (int *)(heap + 2 * PAGE + 8);                 /* page 2 */
    CHECK_EQ(wait(status), z);
    CHECK_EQ(*status, 33);
    struct procinfo *pi = (struct procinfo *)(heap + 3 * PAGE + 256);
    CHECK(getprocs(pi, 4) > 0);                                 /* page 3 */
    int *fds = (int *)(heap + 4 * PAGE + 1024);                 /* page 4 */
    CHECK_EQ(pipe(fds), 0);
    close(fds[0]);
    close(fds[1]);
    put(go[1], 1);
    CHECK_EQ(write(data[1], "child", 5), 5);
    CHECK_EQ(get(res[0]), 0);           /* the observer saw only 'P's, then its own bytes */
    CHECK_EQ(wait_for(pid), 0);
    CHECK(memcmp(heap + 100, "PPPPP", 5) == 0);     /* its read stayed there */
    close(data[0]); close(data[1]); close(go[0]); close(go[1]);
    close(res[0]); close(res[1]);
}

/* The same for the stack and .data: a read() into a variable the child
 * still shares. */
static void stack_and_data(void)
{
    int p[2], go[2];
    CHECK(pipe(p) == 0 && pipe(go) == 0);
    volatile int local = 5;
    data_var = 5;
    int pid = fork();
    if (pid == 0) {
        get(go[0]);
        exit(local == 5 && data_var == 5 ? 0 : 1);
    }
    write(p[1], "\x01\x02\x03\x04\x05\x06\x07\x08", 8);
    CHECK_EQ(read(p[0], (void *)&local, 4), 4);
    CHECK_EQ(read(p[0], &data_var, 4), 4);
    CHECK(local != 5 && data_var != 5);
    put(go[1], 1);
    CHECK_EQ(wait_for(pid), 0);
    close(p[0]); close(p[1]); close(go[0]); close(go[1]);
}

int main(void)
{
    heap = sbrk((N + 1) * (int)PAGE);
    fill(10);
    basic();
    three_way();
    kernel_writes();
    stack_and_data();
    DONE();
}
