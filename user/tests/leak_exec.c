/*
 * exec gives back everything the old image held, and a failed exec leaks
 * nothing: 200 execs in a row (the program re-execs itself, counting
 * down), 50 fork+exec+wait cycles, and 100 failed execs (no such file, a
 * directory, bad pointers, too many arguments) leave free memory and the
 * process count exactly where they were.
 *
 *   leak_exec            the test
 *   leak_exec chain N    execs itself N more times, then exits 0
 */
#include "vm_util.h"

#define CHAIN 200
#define FORKS 50

static int chain(int left)
{
    if (left == 0)
        return 0;
    char n[12];
    snprintf(n, sizeof n, "%d", left - 1);
    char *args[] = { "leak_exec", "chain", n, 0 };
    exec("/test/leak_exec", args);
    return 1;                           /* exec failed */
}

static int run_chain(int n)
{
    int pid = fork();
    if (pid == 0)
        exit(chain(n));
    return wait_for(pid);
}

static int failed_execs(void)
{
    static char *toomany[80];
    for (int i = 0; i < 79; i++)
        toomany[i] = "x";
    char *args[] = { "x", 0 };
    char *badarg[] = { "x", (char *)0xC0000000u, 0 };
    int fails = 0;
    fails += exec("/no/such/program", args) == -1;
    fails += exec("/bin", args) == -1;              /* a directory */
    fails += exec("/test", args) == -1;
    fails += exec((char *)0, args) == -1;
    fails += exec("/bin/echo", (char **)0xC0000000u) == -1;
    fails += exec("/bin/echo", badarg) == -1;
    fails += exec("/bin/echo", toomany) == -1;
    return fails;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "chain") == 0)
        return chain(atoi(argv[2]));

    pretouch_image();
    CHECK_EQ(run_chain(2), 0);          /* warm up */
    CHECK_EQ(failed_execs(), 7);
    unsigned int f0 = free_memory(), n0 = nproc_now();
    int start = uptime();

    CHECK_EQ(run_chain(CHAIN), 0);
    unsigned int f1 = free_memory();
    int t1 = uptime();

    int ok = 0;
    for (int i = 0; i < FORKS; i++)
        ok += run_chain(1) == 0;
    CHECK_EQ(ok, FORKS);
    unsigned int f2 = free_memory();

    int fails = 0;
    for (int i = 0; i < 15; i++)
        fails += failed_execs();
    CHECK_EQ(fails, 15 * 7);
    unsigned int f3 = free_memory(), n3 = nproc_now();
    printf("  %d execs in a row: %d ticks; freemem before %u, after the chain %u, after %d "
           "fork+exec+wait %u, after %d failed execs %u; nproc %u -> %u\n",
           CHAIN, t1 - start, f0, f1, FORKS, f2, fails, f3, n0, n3);
    CHECK_EQ(f1, f0);
    CHECK_EQ(f2, f0);
    CHECK_EQ(f3, f0);
    CHECK_EQ(n3, n0);
    DONE();
}
