/* Mutexes (mutex_create, mutex_lock, mutex_unlock, mutex_destroy): -1 for
 * bad ids, for unlocking a mutex the caller does not hold, for locking one
 * it holds (it would wait for itself), and for destroying a held one; the
 * table holds 64; four processes on every CPU incrementing a counter in a
 * file, each 100 times under one mutex, lose no update; a holder that exits
 * releases its mutex; a waiter that is killed dies without taking it.
 * (A caught signal interrupting mutex_lock is signal_basic's.) */
#include "utest.h"

#define NCHILD 4
#define ROUNDS 100
#define COUNTER "/tmp/mutex_counter"

static int read_counter(void)
{
    int fd = open(COUNTER, O_RDONLY), v = -1;
    if (fd >= 0) {
        if (read(fd, &v, sizeof v) != (int)sizeof v)
            v = -1;
        close(fd);
    }
    return v;
}

static void write_counter(int v)
{
    int fd = open(COUNTER, O_WRONLY | O_CREAT | O_TRUNC);
    write(fd, &v, sizeof v);
    close(fd);
}

static int m;                   /* the mutex the children share */

static int incrementer(void)
{
    for (int i = 0; i < ROUNDS; i++) {
        if (mutex_lock(m) < 0)
            return 1;
        int v = read_counter();
        yield();                        /* invite a lost update */
        write_counter(v + 1);
        if (mutex_unlock(m) < 0)
            return 2;
    }
    return 0;
}

static int lock_and_exit(void)
{
    return mutex_lock(m) == 0 ? 0 : 1;  /* exits holding it */
}

static int waiter(void)
{
    return mutex_lock(m) == 0 ? 3 : 4;
}

static void rules(void)
{
    int bad[] = { -1, 64, 1000, -0x7FFFFFFF };
    for (unsigned i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_EQ(mutex_lock(bad[i]), -1);
        CHECK_EQ(mutex_unlock(bad[i]), -1);
        CHECK_EQ(mutex_destroy(bad[i]), -1);
    }
    int a = mutex_create();
    CHECK(a >= 0 && a < 64);
    CHECK_EQ(mutex_unlock(a), -1);              /* not held */
    CHECK_EQ(mutex_lock(a), 0);
    CHECK_EQ(mutex_lock(a), -1);                /* would deadlock on itself */
    CHECK_EQ(mutex_destroy(a), -1);             /* held */
    CHECK_EQ(mutex_unlock(a), 0);
    CHECK_EQ(mutex_unlock(a), -1);
    CHECK_EQ(mutex_destroy(a), 0);
    CHECK_EQ(mutex_lock(a), -1);                /* gone */
    CHECK_EQ(mutex_destroy(a), -1);
    int ids[70], n = 0;
    while (n < 70 && (ids[n] = mutex_create()) >= 0)
        n++;
    printf("  %d mutexes created before the table was full\n", n);
    CHECK(n >= 60 && n <= 64);                  /* 64, less what others hold */
    while (n > 0)
        CHECK_EQ(mutex_destroy(ids[--n]), 0);
}

static void contention(void)
{
    m = mutex_create();
    write_counter(0);
    int pids[NCHILD], good = 0, st;
    for (int i = 0; i < NCHILD; i++)
        pids[i] = spawn(incrementer);
    for (int i = 0; i < NCHILD; i++)
        good += waitpid(pids[i], &st, 0) == pids[i] && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    int v = read_counter();
    printf("  %d processes x %d increments under the mutex: counter %d\n", NCHILD, ROUNDS, v);
    CHECK_EQ(good, NCHILD);
    CHECK_EQ(v, NCHILD * ROUNDS);
    unlink(COUNTER);
    CHECK_EQ(mutex_destroy(m), 0);
}

static void holders_and_waiters(void)
{
    m = mutex_create();
    int st, pid = spawn(lock_and_exit);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK_EQ(mutex_lock(m), 0);                 /* released by the exit */
    pid = spawn(waiter);
    CHECK(await_state(pid, PROC_BLOCKED, 50));
    CHECK_EQ(kill(pid, SIGKILL), 0);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    pid = spawn(waiter);                        /* and one that gets it */
    CHECK(await_state(pid, PROC_BLOCKED, 50));
    CHECK_EQ(mutex_unlock(m), 0);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
    CHECK_EQ(mutex_destroy(m), 0);              /* its holder exited */
}

int main(void)
{
    rules();
    contention();
    holders_and_waiters();
    DONE();
}
