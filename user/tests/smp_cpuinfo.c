/* Where processes run, as users see it (issue 11, "Visible to users"):
 * getprocs's `cpu` is the CPU a process runs on or last ran on, and -1
 * exactly while it has never run; sysinfo's per-CPU figures count each
 * CPU's ticks and busy ticks, and say what it runs now. */
#include "utest.h"

static int pipefd[2];
static int target;              /* the CPU spin_pinned pins itself to */

/* Pins itself to `target`, says so through the pipe, then spins. */
static int spin_pinned(void)
{
    char ok = setaffinity(0, 1u << target) == 0 && getcpu() == target ? 'y' : 'n';
    write(pipefd[1], &ok, 1);
    for (;;)
        ;
    return 0;
}

/* Every process in the table: cpu is -1 exactly when it was never
 * scheduled, and otherwise a CPU that is up. */
static void table_consistent(unsigned int ncpu)
{
    static struct procinfo all[1024];
    int n = getprocs(all, 1024);
    CHECK(n > 0);
    for (int i = 0; i < n; i++) {
        if (all[i].nscheduled == 0)
            CHECK_EQ(all[i].cpu, -1);
        else
            CHECK(all[i].cpu >= 0 && (unsigned int)all[i].cpu < ncpu);
    }
}

/* A child that cannot have run yet: suspended by its parent before the
 * parent lets go of the only CPU both may use. */
static void never_ran(void)
{
    CHECK_EQ(setaffinity(0, 1), 0);          /* the child inherits CPU 0 only */
    int pid = fork();
    if (pid == 0)
        exit(0);
    struct procinfo pi;
    CHECK_EQ(proc_info(pid, &pi), 0);
    if (pi.nscheduled == 0)                  /* the policy let the parent go on */
        CHECK_EQ(pi.cpu, -1);
    printf("  fresh child: scheduled %u times, cpu %d\n", pi.nscheduled, pi.cpu);
    CHECK(wait(0) == pid);
}

int main(void)
{
    struct sysinfo si;
    CHECK_EQ(sysinfo(&si), 0);
    unsigned int ncpu = si.ncpu;
    CHECK(ncpu >= 1 && ncpu <= SYSINFO_NCPU);

    /* Our own record: we run, so on the CPU getcpu() names. */
    struct procinfo me;
    CHECK_EQ(setaffinity(0, 1), 0);
    CHECK_EQ(proc_info(getpid(), &me), 0);
    CHECK_EQ(me.cpu, getcpu());
    CHECK_EQ(me.cpu, 0);
    CHECK_EQ(sysinfo(&si), 0);
    CHECK_EQ(si.cpu_running[0], getpid());
    for (unsigned int i = ncpu; i < SYSINFO_NCPU; i++)
        CHECK(si.cpu_ticks[i] == 0 && si.cpu_busy[i] == 0 && si.cpu_running[i] == 0);
    table_consistent(ncpu);
    never_ran();

    /* A spinner pinned to the last CPU: its record says that CPU while it
     * runs, that CPU's busy ticks grow with its ticks, and sysinfo says
     * the CPU runs it. */
    target = (int)ncpu - 1;
    CHECK(pipe(pipefd) == 0);
    unsigned int all = ncpu >= 32 ? ~0u : (1u << ncpu) - 1;
    CHECK_EQ(setaffinity(0, all), 0);
    int pid = spawn(spin_pinned);
    char ok = 0;
    CHECK_EQ(read(pipefd[0], &ok, 1), 1);
    CHECK_EQ(ok, 'y');
    struct sysinfo s0, s1;
    CHECK_EQ(sysinfo(&s0), 0);
    sleep(20);
    CHECK_EQ(sysinfo(&s1), 0);
    struct procinfo pi;
    CHECK_EQ(proc_info(pid, &pi), 0);
    CHECK_EQ(pi.cpu, target);
    unsigned int busy = s1.cpu_busy[target] - s0.cpu_busy[target];
    unsigned int ticks = s1.cpu_ticks[target] - s0.cpu_ticks[target];
    printf("  CPU %d ran the spinner: busy %u of %u ticks\n", target, busy, ticks);
    /* Each CPU's timer counts for itself: a host too busy to run an
     * emulated CPU merges its ticks, so only "some" is certain. */
    CHECK(ticks > 0 && busy <= ticks);
    if (ncpu > 1) {                          /* alone there: always busy */
        CHECK(busy * 10 >= ticks * 9);
        CHECK_EQ(s1.cpu_running[target], pid);
    }
    for (unsigned int i = 0; i < ncpu; i++)
        CHECK(s1.cpu_busy[i] <= s1.cpu_ticks[i] && s1.cpu_ticks[i] >= s0.cpu_ticks[i]);
    table_consistent(ncpu);
    kill(pid, SIGKILL);
    CHECK(wait(0) == pid);
    DONE();
}
