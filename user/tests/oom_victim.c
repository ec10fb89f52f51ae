/*
 * When memory runs out, the largest process dies, not whoever faulted
 * (docs/memory.md, "Out of memory"). A hog takes every free frame but a
 * few and sleeps; then a small process writes 32 pages it shares
 * copy-on-write with us, which needs 32 frames that are not there. The
 * kernel must kill the hog (the process with the most pages) and let the
 * writer finish: it exits 0, the hog is a zombie with status -1 before we
 * kill anything, we are unharmed, and free memory is back to its baseline.
 * Init is protected by the same rule (it is never the victim): its fault
 * after the shell dies was the case that halted the machine.
 */
#include "vm_util.h"

#define SHARED_PAGES 32

static char shared[SHARED_PAGES * PAGE] __attribute__((aligned(4096)));

/* Keeps all but a few frames, tells the parent, then sleeps. */
static void hog_until_few(int ready_fd)
{
    pretouch_stack();
    unsigned int fr;
    while ((fr = free_pages()) > 8) {
        unsigned int n = fr - fr / 512 - 8;         /* room for page tables */
        char *p = sbrk((int)(n * PAGE));
        if (p == SBRK_FAIL)
            break;
        for (unsigned int i = 0; i < n; i++)
            p[i * PAGE] = 1;
    }
    write(ready_fd, "h", 1);
    sleep(100000);
    exit(0);
}

/* Waits for the go, then writes every shared page: one copy each. */
static void writer(int go_fd)
{
    char c;
    if (read(go_fd, &c, 1) != 1)
        exit(2);
    for (unsigned int i = 0; i < SHARED_PAGES; i++)
        shared[i * PAGE] = 2;
    for (unsigned int i = 0; i < SHARED_PAGES; i++)
        if (shared[i * PAGE] != 2)
            exit(3);
    exit(0);
}

int main(void)
{
    pretouch_stack();
    pretouch_image();
    for (unsigned int i = 0; i < SHARED_PAGES; i++)
        shared[i * PAGE] = 1;
    unsigned int f0 = free_memory(), n0 = nproc_now();
    int go[2], ready[2];
    CHECK(pipe(go) == 0 && pipe(ready) == 0);
    int w = fork();
    if (w == 0)
        writer(go[0]);
    int h = fork();
    if (h == 0)
        hog_until_few(ready[1]);
    char c = 0;
    CHECK_EQ(read(ready[0], &c, 1), 1);
    printf("  hog ready: %u pages free\n", free_pages());
    CHECK_EQ(write(go[1], "g", 1), 1);
    int ws = -5, hs = -5, st, pid;
    while (ws == -5 && (pid = wait(&st)) > 0)   /* the writer, and the hog if it died first */
        *(pid == w ? &ws : &hs) = st;
    CHECK_EQ(ws, 0);
    if (hs == -5) {
        int hog_died = await_state(h, PROC_ZOMBIE, 100);
        CHECK(hog_died);
        if (!hog_died)
            kill(h, SIGKILL);
        CHECK_EQ(wait(&hs), h);
    }
    CHECK_EQ(hs, -1);
    CHECK_EQ(shared[0], 1);
    for (int i = 0; i < 2; i++) {
        close(go[i]);
        close(ready[i]);
    }
    CHECK_EQ(settle_nproc(n0), n0);
    printf("  free memory %u, baseline %u\n", free_memory(), f0);
    CHECK_EQ(free_memory(), f0);
    DONE();
}
