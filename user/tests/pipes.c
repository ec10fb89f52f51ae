/* Pipes: 20000 patterned bytes go from one process to another in order
 * (written and read in odd-sized pieces), then read returns 0 (end of
 * file) once the writer is gone, again and again; a pipe buffers at least
 * 512 bytes with no reader waiting; a read returns what is there; with no
 * reader left a write returns -1 (and the writer lives on, SIGPIPE
 * ignored here: signal_pipe tests its default); a writer
 * blocked on a full pipe returns the count that went in when the reader
 * closes; end of file waits for every writer;
 * a blocked reader wakes at end of file; the wrong end gives -1; pipes
 * do not leak. */
#include "utest.h"

#define TOTAL 20000

static unsigned char pattern(int i)
{
    return (unsigned char)(i * 7 + i / 251);
}

static void transfer(void)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    int pid = fork();
    if (pid == 0) {
        close(fds[0]);
        static unsigned char buf[4096];
        int sizes[] = { 1, 7, 100, 1000, 3001, 4096, 13, 512 };
        int sent = 0;
        for (int k = 0; sent < TOTAL; k++) {
            int n = sizes[k % 8];
            if (n > TOTAL - sent)
                n = TOTAL - sent;
            for (int i = 0; i < n; i++)
                buf[i] = pattern(sent + i);
            if (write(fds[1], buf, n) != n)
                exit(1);
            sent += n;
        }
        exit(0);
    }
    close(fds[1]);
    static unsigned char buf[5000];
    int got = 0, bad = -1, reads = 0;
    int sizes[] = { 3, 1024, 5000, 1, 999 };
    for (int k = 0;; k++) {
        int n = read(fds[0], buf, sizes[k % 5]);
        if (n <= 0) {
            CHECK_EQ(n, 0);
            break;
        }
        CHECK(n <= sizes[k % 5]);
        for (int i = 0; i < n && bad < 0; i++)
            if (buf[i] != pattern(got + i))
                bad = got + i;
        got += n;
        reads++;
    }
    printf("  %d bytes in %d reads; first wrong byte: %d\n", got, reads, bad);
    CHECK_EQ(got, TOTAL);
    CHECK_EQ(bad, -1);
    for (int i = 0; i < 3; i++)
        CHECK_EQ(read(fds[0], buf, 10), 0);     /* end of file stays */
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);
    close(fds[0]);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);           /* children inherit it */
    transfer();

    /* At least 512 bytes buffered with nobody reading; reads return what
     * is there; zero-length reads and writes do not block. */
    int fds[2];
    CHECK(pipe(fds) == 0);
    char out[512], in[600];
    for (int i = 0; i < 512; i++)
        out[i] = (char)(i ^ 0x5A);
    CHECK_EQ(read(fds[0], in, 0), 0);           /* empty, and no block */
    CHECK_EQ(write(fds[1], out, 512), 512);
    CHECK_EQ(write(fds[1], out, 0), 0);
    CHECK_EQ(read(fds[0], in, 600), 512);
    CHECK(memcmp(in, out, 512) == 0);
    CHECK_EQ(write(fds[1], "abc", 3), 3);
    CHECK_EQ(read(fds[0], in, 600), 3);
    /* The wrong end. */
    CHECK_EQ(write(fds[0], "x", 1), -1);
    CHECK_EQ(read(fds[1], in, 1), -1);
    /* No reader: write fails, we live on. */
    CHECK_EQ(close(fds[0]), 0);
    CHECK_EQ(write(fds[1], "x", 1), -1);
    CHECK_EQ(write(fds[1], out, 512), -1);
    CHECK_EQ(close(fds[1]), 0);

    /* A writer blocked on a full pipe returns when the reader closes,
     * with the count that went in (1024 + the 10 we made room for). */
    CHECK(pipe(fds) == 0);
    int pid = fork();
    if (pid == 0) {
        close(fds[0]);
        static char big[5000];
        exit(write(fds[1], big, sizeof big));
    }
    close(fds[1]);
    CHECK(await_state(pid, PROC_BLOCKED, 20));  /* the pipe is full */
    CHECK_EQ(read(fds[0], in, 10), 10);
    sleep(2);
    CHECK(await_state(pid, PROC_BLOCKED, 20));  /* full again */
    close(fds[0]);
    int status = -5;
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 1034);                     /* write's result */

    /* A reader blocked on an empty pipe wakes with 0 at end of file. */
    CHECK(pipe(fds) == 0);
    pid = fork();
    if (pid == 0) {
        close(fds[1]);
        char c;
        exit(read(fds[0], &c, 1) == 0 ? 0 : 1);
    }
    close(fds[0]);
    CHECK(await_state(pid, PROC_BLOCKED, 20));
    close(fds[1]);
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 0);

    /* End of file only when every writer has closed: two writers, one
     * reader, all children; the reader counts 2 x 3000 bytes. */
    CHECK(pipe(fds) == 0);
    int res[2];
    CHECK(pipe(res) == 0);
    int reader = fork();
    if (reader == 0) {
        close(fds[1]);
        int total = 0, n;
        static char buf[700];
        while ((n = read(fds[0], buf, sizeof buf)) > 0)
            total += n;
        write(res[1], &total, sizeof total);
        exit(0);
    }
    for (int w = 0; w < 2; w++) {
        if (fork() == 0) {
            close(fds[0]);
            static char buf[3000];
            sleep(w * 5);               /* the second writer comes late */
            exit(write(fds[1], buf, sizeof buf) == (int)sizeof buf ? 0 : 1);
        }
    }
    close(fds[0]);
    close(fds[1]);
    int total = 0;
    CHECK_EQ(read(res[0], &total, sizeof total), (int)sizeof total);
    CHECK_EQ(total, 6000);
    for (int i = 0; i < 3; i++) {
        CHECK(wait(&status) > 0);
        CHECK_EQ(status, 0);
    }
    close(res[0]);
    close(res[1]);

    /* Pipes leak nothing: after a warm-up, 200 more pipes (some with
     * data left in them) give back every frame. */
    for (int i = 0; i < 20; i++) {
        CHECK(pipe(fds) == 0);
        close(fds[0]);
        close(fds[1]);
    }
    unsigned int before = free_memory();
    int failed = 0;
    for (int i = 0; i < 200; i++) {
        if (pipe(fds) != 0) {
            failed++;
            continue;
        }
        if (i % 2)
            write(fds[1], out, 100);
        close(fds[i % 2]);
        close(fds[1 - i % 2]);
    }
    CHECK_EQ(failed, 0);
    CHECK_EQ(free_memory(), before);
    CHECK(pipe(fds) == 0);
    CHECK(fds[0] == 3 && fds[1] == 4);          /* every fd came back too */
    DONE();
}
