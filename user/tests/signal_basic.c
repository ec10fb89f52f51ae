/* Signals, the basics: a handler runs with its signal number and the
 * program goes on where it was; signal() returns the previous disposition
 * and SIG_ERR for bad numbers, SIGKILL and SIGSTOP; a signal is blocked
 * while its own handler runs (delivered once it returns); SIG_IGN drops
 * it; default actions end the process (waitpid reads WTERMSIG, wait reads
 * -1) or are ignored (SIGCHLD, SIGCONT); kill(pid, 0) checks existence;
 * bad signal numbers and targets fail; sleep, pause, a pipe read and
 * mutex_lock return -1 when a caught signal interrupts them (the mutex
 * not taken); alarm delivers SIGALRM and returns the ticks left of the
 * previous one. */
#include "utest.h"

static volatile int got, last_sig, nested_seen, depth;

static void on_usr1(int sig)
{
    got++;
    last_sig = sig;
    if (depth++ > 0)
        nested_seen = 1;
    if (got == 1)
        kill(getpid(), SIGUSR1);        /* blocked now: runs after we return */
    depth--;
}

static void handler_cases(void)
{
    CHECK(signal(SIGUSR1, on_usr1) == SIG_DFL);
    CHECK(signal(SIGUSR1, on_usr1) == on_usr1);
    CHECK_EQ(kill(getpid(), SIGUSR1), 0);
    printf("  handler ran %d times, signal %d, nested %d\n", got, last_sig, nested_seen);
    CHECK_EQ(got, 2);
    CHECK_EQ(last_sig, SIGUSR1);
    CHECK_EQ(nested_seen, 0);
    CHECK(signal(SIGUSR1, SIG_IGN) == on_usr1);
    CHECK_EQ(kill(getpid(), SIGUSR1), 0);
    CHECK_EQ(got, 2);                   /* ignored */
    CHECK(signal(SIGUSR1, SIG_DFL) == SIG_IGN);
    CHECK(signal(0, SIG_IGN) == SIG_ERR);
    CHECK(signal(NSIG, SIG_IGN) == SIG_ERR);
    CHECK(signal(-3, SIG_IGN) == SIG_ERR);
    CHECK(signal(SIGKILL, SIG_IGN) == SIG_ERR);
    CHECK(signal(SIGSTOP, on_usr1) == SIG_ERR);
    CHECK_EQ(kill(getpid(), SIGCHLD), 0);   /* default: ignored */
    CHECK_EQ(kill(getpid(), SIGCONT), 0);
    CHECK_EQ(kill(getpid(), 0), 0);
    CHECK_EQ(kill(getpid(), NSIG), -1);
    CHECK_EQ(kill(getpid(), -1), -1);
    CHECK_EQ(kill(0x7FFFFFF0, SIGUSR1), -1);
    CHECK_EQ(kill(-0x7FFFFFF0, SIGUSR1), -1);
}

static int sleeper(void)
{
    sleep(1000);
    return 0;
}

/* Each default action that ends a process, read by waitpid and wait. */
static void default_cases(void)
{
    static const int sigs[] = { SIGTERM, SIGINT, SIGUSR2, SIGKILL, SIGALRM, SIGHUP };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        int pid = spawn(sleeper);
        CHECK(await_state(pid, PROC_BLOCKED, 100));
        CHECK_EQ(kill(pid, 0), 0);
        CHECK_EQ(kill(pid, sigs[i]), 0);
        int st = 0;
        CHECK_EQ(waitpid(pid, &st, 0), pid);
        CHECK(WIFSIGNALED(st));
        CHECK(!WIFEXITED(st));
        CHECK_EQ(WTERMSIG(st), sigs[i]);
        CHECK_EQ(kill(pid, 0), -1);     /* gone */
    }
    int pid = spawn(sleeper);
    CHECK_EQ(kill(pid, SIGTERM), 0);
    int st = 0;
    CHECK_EQ(wait(&st), pid);
    CHECK_EQ(st, -1);                   /* wait() keeps its meaning */
    pid = fork();
    if (pid == 0)
        exit(300);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st));
    CHECK_EQ(WEXITSTATUS(st), 300 & 0xff);
}

static volatile int alarms;

static void on_alarm(int sig)
{
    alarms += sig == SIGALRM;
}

static void on_usr2(int sig)
{
    (void)sig;
}

static void blocking_cases(void)
{
    signal(SIGALRM, on_alarm);
    CHECK_EQ(alarm(5), 0);
    int t0 = uptime();
    CHECK_EQ(sleep(500), -1);           /* the alarm interrupts it */
    int t1 = uptime();
    printf("  sleep(500) interrupted after %d ticks by SIGALRM\n", t1 - t0);
    CHECK_EQ(alarms, 1);
    CHECK(t1 - t0 < 400);
    CHECK_EQ(alarm(100), 0);
    int left = alarm(0);                /* cancels it */
    CHECK(left > 0 && left <= 100);
    CHECK_EQ(alarm(0), 0);
    CHECK_EQ(alarm(-1), -1);
    sleep(3);
    CHECK_EQ(alarms, 1);                /* cancelled: no second one */
    CHECK_EQ(alarm(3), 0);
    CHECK_EQ(pause(), -1);
    CHECK_EQ(alarms, 2);

    /* pause and pipe reads interrupted by a signal from another process. */
    signal(SIGUSR2, on_usr2);
    int parent = getpid();
    int pid = fork();
    if (pid == 0) {
        sleep(5);
        kill(parent, SIGUSR2);
        sleep(5);
        kill(parent, SIGUSR2);
        exit(0);
    }
    CHECK_EQ(pause(), -1);
    int fds[2];
    CHECK_EQ(pipe(fds), 0);
    char c;
    CHECK_EQ(read(fds[0], &c, 1), -1);  /* nothing written: only the signal ends it */
    int st;
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    close(fds[0]);
    close(fds[1]);

    /* mutex_lock: the child waits for the mutex we hold, a signal ends
     * the wait with -1, and the mutex is still ours. */
    int m = mutex_create();
    CHECK(m >= 0 && mutex_lock(m) == 0);
    pid = fork();
    if (pid == 0)
        exit(mutex_lock(m) == -1 ? 7 : 8);  /* SIGUSR2's handler is inherited */
    CHECK(await_state(pid, PROC_BLOCKED, 50));
    CHECK_EQ(kill(pid, SIGUSR2), 0);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7);
    CHECK_EQ(mutex_unlock(m), 0);
    CHECK_EQ(mutex_destroy(m), 0);
}

int main(void)
{
    handler_cases();
    default_cases();
    blocking_cases();
    DONE();
}
