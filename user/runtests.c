/*
 * runtests: the in-guest test runner. Runs every program in /test (or
 * those named on the command line), each in its own process group with a
 * watchdog (when the test ends, whatever it left running in its group is
 * killed), and prints one line per test:
 *
 *   utest NAME: PASS (12 ticks)
 *   utest NAME: FAIL (exit status 1)
 *   utest NAME: FAIL (timeout: killed after 3000 ticks)
 *
 * then "utest summary: P passed, F failed". A test passes when it exits
 * with status 0. tools/testrun.py turns these lines into results. A
 * directory that cannot be read, or that holds no test, is an error
 * (a message, exit status 2): an empty run must not look like a pass.
 *
 *   runtests [-t TICKS] [-s K/N] [-d DIR] [-a MASK] [-x NAME] [NAME...]
 *     -t   the per-test timeout (default 3000 ticks = 30 s)
 *     -s   run only shard K of N (tests are dealt round-robin by name)
 *     -d   where the tests are (default /test; /schedtest holds the
 *          scheduling policies' property tests, user/schedtests/)
 *     -a   run each test with this CPU affinity (setaffinity's mask):
 *          the policies' property tests run on CPU 0 (-a 1), since what
 *          each policy promises holds per CPU (docs/scheduler.md)
 *     -x   leave out the test NAME (the rest of DIR runs; the kernel's
 *          command line is too short to list every test by name)
 */
#include "user.h"

#define MAXTESTS 256

static char names[MAXTESTS][32];
static int ntests;
static const char *dir = "/test";
static unsigned int affinity;   /* -a: 0 leaves the tests' affinity alone */
static const char *excluded;    /* -x: a test not to run */

/* Reads dir's names into names[]; returns -1 if dir cannot be opened. */
static int collect(void)
{
    int fd = open(dir, O_RDONLY);
    if (fd < 0)
        return -1;
    while (ntests < MAXTESTS) {
        gets_fd(fd, names[ntests], sizeof names[0]);
        int len = (int)strlen(names[ntests]);
        if (len == 0)
            break;
        names[ntests][len - 1] = '\0';      /* the newline */
        ntests++;
    }
    close(fd);
    return 0;
}

/* Processes alive when the runner started (init, the shell, us). */
static unsigned int baseline;

static unsigned int nproc_now(void)
{
    struct sysinfo si;
    sysinfo(&si);
    return si.nproc;
}

/* Before a test: give the last one's leftovers (orphans init has yet to
 * reap) up to 50 ticks to go, so that a test counting free memory or
 * processes starts in a quiet system, whatever the scheduling policy. */
static void settle(void)
{
    for (int t = 0; t < 50 && nproc_now() > baseline; t++)
        sleep(1);
}

/* Runs one test; returns 1 if it passed. */
static int run_one(const char *name, int timeout)
{
    settle();
    char path[48];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    printf("utest %s: start\n", name);
    int start = uptime();
    /* The test waits at a gate until its watchdog exists and has started:
     * whichever runs first (that is the scheduling policy's choice), a
     * test that counts free memory or processes must not see the
     * watchdog's fork or first steps. The gate opens (end of file) when
     * the runner and the watchdog have closed their write ends; the test
     * closes the last end, freeing the pipe, before it starts. */
    int gate[2] = { -1, -1 };
    pipe(gate);
    int pid = fork();
    if (pid == 0) {
        char c;
        setpgid(0, 0);                  /* a process group of its own: see below */
        close(gate[1]);
        while (read(gate[0], &c, 1) > 0)
            ;
        close(gate[0]);
        if (affinity && setaffinity(0, affinity) < 0)
            fprintf(2, "runtests: setaffinity(0, %u) failed\n", affinity);
        char *argv[] = { (char *)name, 0 };
        exec(path, argv);
        fprintf(2, "runtests: cannot exec %s\n", path);
        exit(126);
    }
    setpgid(pid, pid);                  /* whichever runs first */
    int watchdog = fork();
    if (watchdog == 0) {
        close(gate[0]);
        close(gate[1]);
        sleep(timeout);
        kill(-pid, SIGKILL);            /* the test and everything it started */
        exit(0);
    }
    close(gate[0]);
    close(gate[1]);
    int status = 0, w;
    while ((w = wait(&status)) != pid && w >= 0)
        ;
    int ticks = uptime() - start;
    /* What the test left running (a child it never reaped, say, when a
     * check failed half-way) would compete with the next tests for the
     * CPUs and spoil their timings: its process group is ended with it. */
    kill(-pid, SIGKILL);
    kill(watchdog, SIGKILL);
    while ((w = wait(0)) != watchdog && w >= 0)
        ;                                   /* and anything else left over */
    if (pid < 0)
        printf("utest %s: FAIL (fork failed)\n", name);
    else if (status == 0)
        printf("utest %s: PASS (%d ticks)\n", name, ticks);
    else if (status == -1 && ticks >= timeout)
        printf("utest %s: FAIL (timeout: killed after %d ticks)\n", name, ticks);
    else
        printf("utest %s: FAIL (exit status %d)\n", name, status);
    return pid > 0 && status == 0;
}

int main(int argc, char **argv)
{
    int timeout = 3000, shard = 0, nshards = 1, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            timeout = atoi(argv[++i]);
        else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc) {
            shard = atoi(argv[++i]);
            nshards = atoi(strchr(argv[i], '/') ? strchr(argv[i], '/') + 1 : "1");
        } else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else if (strcmp(argv[i], "-a") == 0 && i + 1 < argc) {
            affinity = (unsigned int)atoi(argv[++i]);
        } else if (strcmp(argv[i], "-x") == 0 && i + 1 < argc) {
            excluded = argv[++i];
        }
    }
    if (i < argc) {
        for (; i < argc && ntests < MAXTESTS; i++)
            strcpy(names[ntests++], argv[i]);
    } else if (collect() < 0) {
        fprintf(2, "runtests: cannot open %s\n", dir);
        return 2;
    } else if (ntests == 0) {
        fprintf(2, "runtests: no tests in %s\n", dir);
        return 2;
    }
    baseline = nproc_now();
    int passed = 0, failed = 0;
    for (int k = 0; k < ntests; k++) {
        if ((nshards > 1 && k % nshards != shard) || (excluded && strcmp(names[k], excluded) == 0))
            continue;
        if (run_one(names[k], timeout))
            passed++;
        else
            failed++;
    }
    printf("utest summary: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
