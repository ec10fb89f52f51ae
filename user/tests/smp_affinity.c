/* Affinity and getcpu (docs/scheduler.md, "Several CPUs"): setaffinity
 * refuses an empty mask, CPUs that are not up, a bad pid, a zombie and
 * init; getaffinity answers the mask (all CPUs up, by default); a process
 * pinned to one CPU always finds itself there with getcpu(), also while
 * its siblings change their own masks at the same time on every CPU. */
#include "utest.h"

#define CHURNERS 6
#define ROUNDS 300

static unsigned int all_cpus(void)
{
    struct sysinfo si;
    sysinfo(&si);
    return si.ncpu >= 32 ? ~0u : (1u << si.ncpu) - 1;
}

static void bad_inputs(unsigned int all)
{
    CHECK_EQ(setaffinity(0, 0), -1);                    /* empty */
    CHECK_EQ(setaffinity(0, all + 1), -1);              /* a CPU that is not up */
    CHECK_EQ(setaffinity(0, 0x80000000u), -1);
    CHECK_EQ(setaffinity(999999, 1), -1);               /* no such pid */
    CHECK_EQ(setaffinity(-3, 1), -1);
    CHECK_EQ(getaffinity(999999), -1);
    CHECK_EQ(getaffinity(-3), -1);
    CHECK_EQ(setaffinity(1, 1), -1);                    /* init keeps its CPUs */
    CHECK_EQ(getaffinity(1), (int)all);
    int z = fork();
    if (z == 0)
        exit(0);
    CHECK(await_state(z, PROC_ZOMBIE, 100));
    CHECK_EQ(setaffinity(z, 1), -1);                    /* a zombie */
    CHECK_EQ(getaffinity(z), -1);
    CHECK_EQ(wait(0), z);
}

/* Pins itself to each CPU in turn; getcpu() must always agree. */
static int churner(void)
{
    struct sysinfo si;
    sysinfo(&si);
    int bad = 0;
    for (int r = 0; r < ROUNDS; r++) {
        int cpu = (getpid() + r) % (int)si.ncpu;
        if (setaffinity(0, 1u << cpu) < 0 || getaffinity(0) != 1 << cpu)
            bad++;
        for (int i = 0; i < 3; i++)
            if (getcpu() != cpu)
                bad++;
        if (r % 16 == 0)
            yield();
    }
    return bad;
}

int main(void)
{
    unsigned int all = all_cpus();
    printf("  %u CPU mask 0x%x; running on cpu %d\n", all == 1 ? 1 : all, all, getcpu());
    CHECK(getcpu() >= 0 && (all & (1u << getcpu())));
    CHECK_EQ(getaffinity(0), (int)all);
    CHECK_EQ(getaffinity(getpid()), (int)all);
    bad_inputs(all);

    CHECK_EQ(setaffinity(0, 1), 0);
    CHECK_EQ(getaffinity(0), 1);
    for (int i = 0; i < 1000; i++)
        if (getcpu() != 0) {
            CHECK_EQ(getcpu(), 0);
            break;
        }
    int child = fork();                                 /* inherits the mask */
    if (child == 0)
        exit(getaffinity(0) == 1 && getcpu() == 0 ? 0 : 1);
    int status = -5;
    CHECK_EQ(wait(&status), child);
    CHECK_EQ(status, 0);
    CHECK_EQ(setaffinity(0, all), 0);

    int pids[CHURNERS];
    for (int i = 0; i < CHURNERS; i++)
        pids[i] = spawn(churner);
    int wrong = 0;
    for (int i = 0; i < CHURNERS; i++) {
        CHECK(wait(&status) > 0);
        wrong += status;
    }
    printf("  %d processes x %d rounds of setaffinity/getcpu: %d wrong answers\n",
           CHURNERS, ROUNDS, wrong);
    CHECK_EQ(wrong, 0);
    (void)pids;
    DONE();
}
