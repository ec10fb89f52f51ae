/* Signals under load and across CPUs: three senders fire 2,000 SIGUSR1
 * each at a process that catches them, then one SIGKILL: it dies of
 * SIGKILL (never lost in the storm), the handler ran (coalesced, at most
 * once per send), and memory and the process count come back exactly.
 * With several CPUs: a signal reaches a process spinning on another CPU
 * within a few ticks, its handler runs there; SIGSTOP stops it there (its
 * ticks stop growing) and SIGCONT resumes it; a signal to a process that
 * is exiting is harmless. */
#include "utest.h"

#define SENDERS 3
#define SENDS 2000

static volatile unsigned int caught;
static void count(int sig) { caught += sig == SIGUSR1; }

static int target(void)
{
    signal(SIGUSR1, count);
    for (;;)
        if (caught > 1000000)
            return 1;
    return 0;
}

static int victim_pid;
static int sender(void)
{
    int ok = 0;
    for (int i = 0; i < SENDS; i++)
        ok += kill(victim_pid, SIGUSR1) == 0;
    return ok == SENDS ? 0 : 1;
}

/* One storm; once to warm up (our own pages), then measured. */
static void storm(int measure)
{
    unsigned int mem0 = free_memory(), n0 = nproc_now();
    victim_pid = spawn(target);
    sleep(2);
    int senders[SENDERS];
    for (int i = 0; i < SENDERS; i++)
        senders[i] = spawn(sender);
    int st = 0, good = 0;
    for (int i = 0; i < SENDERS; i++)
        good += waitpid(senders[i], &st, 0) == senders[i] && WIFEXITED(st) && WEXITSTATUS(st) == 0;
    CHECK_EQ(good, SENDERS);
    CHECK_EQ(kill(victim_pid, SIGKILL), 0);
    CHECK_EQ(waitpid(victim_pid, &st, 0), victim_pid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    unsigned int n1 = await_nproc(n0, 200), mem1 = free_memory();
    if (!measure)
        return;
    printf("  storm: %d x %d signals, then SIGKILL: killed by %d; nproc %u -> %u, "
           "free %u -> %u\n", SENDERS, SENDS, WTERMSIG(st), n0, n1, mem0, mem1);
    CHECK_EQ(n1, n0);
    CHECK_EQ(mem1, mem0);
}

/* A storm of signals while the target keeps dying: senders at a process
 * that is exiting or gone must see 0 or -1, never hurt anything. */
static int short_lived(void)
{
    return 3;
}

static void signals_to_exiting(void)
{
    int done = 0;
    for (int i = 0; i < 200; i++) {
        int pid = spawn(short_lived);
        kill(pid, SIGUSR2);             /* may land before, during or after exit */
        kill(pid, SIGTERM);
        int st = 0;
        done += waitpid(pid, &st, 0) == pid &&
                ((WIFEXITED(st) && WEXITSTATUS(st) == 3) || WIFSIGNALED(st));
    }
    CHECK_EQ(done, 200);
}

static volatile int flag;
static void set_flag(int sig) { flag = sig; }

static int remote_spinner(void)
{
    signal(SIGUSR1, set_flag);
    setaffinity(0, 2);                  /* CPU 1 from its next return to user mode */
    int cpu = getcpu();
    while (!flag)
        ;
    return flag == SIGUSR1 && getcpu() == cpu ? 10 + cpu : 1;
}

static int plain_spinner(void)
{
    for (;;)
        ;
    return 0;
}

static void across_cpus(void)
{
    struct sysinfo si;
    sysinfo(&si);
    if (si.ncpu < 2) {
        printf("  one CPU: no cross-CPU cases\n");
        return;
    }
    unsigned int mine = getaffinity(0);
    CHECK_EQ(setaffinity(0, 1), 0);                     /* us on CPU 0 */
    int pid = spawn(remote_spinner);                    /* it moves to CPU 1 */
    sleep(3);
    int t0 = uptime();
    CHECK_EQ(kill(pid, SIGUSR1), 0);
    int st = 0;
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    printf("  SIGUSR1 to CPU 1: handled there, exit %d, %d ticks\n", WEXITSTATUS(st),
           uptime() - t0);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 11);
    CHECK(uptime() - t0 <= 20);

    pid = spawn(plain_spinner);
    CHECK_EQ(setaffinity(pid, 2), 0);
    sleep(3);
    if (kill(pid, SIGSTOP) != 0) {      /* waiting for the stop would never end */
        CHECK(0);
        kill(pid, SIGKILL);
        waitpid(pid, 0, 0);
        setaffinity(0, mine);
        return;
    }
    CHECK_EQ(waitpid_within(pid, &st, WUNTRACED, 200), pid);
    CHECK(WIFSTOPPED(st));
    CHECK(await_state(pid, PROC_SUSPENDED, 20));
    unsigned int t1 = proc_ticks(pid);
    sleep(10);
    unsigned int t2 = proc_ticks(pid);
    CHECK_EQ(t2, t1);
    CHECK_EQ(kill(pid, SIGCONT), 0);
    sleep(10);
    unsigned int t3 = proc_ticks(pid);
    printf("  stopped on CPU 1: ticks %u -> %u; continued: %u\n", t1, t2, t3);
    CHECK(t3 > t2);
    CHECK_EQ(kill(pid, SIGKILL), 0);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    setaffinity(0, mine);
}

int main(void)
{
    storm(0);
    storm(1);
    signals_to_exiting();
    across_cpus();
    DONE();
}
