/*
 * schedemo: a workload for looking at a scheduling policy (make
 * sched-demo). Starts one job per argument, all at the same moment, lets
 * them run for a while, then prints each job's share of the CPU.
 *
 *   schedemo [-t TICKS] [-p] JOB...
 *     JOB   N   a CPU-bound job (it never blocks) with N tickets
 *           iN  an I/O-bound job: a moment of work (well under a tick),
 *               then a tick's sleep, again and again
 *     -p    N is a priority (setpriority) instead of tickets (settickets)
 *     -t    how long the jobs run, in ticks (default 1000)
 *
 *   schedemo 30 20 10        the OSTEP lottery graph: tickets 30:20:10
 *
 * Each job's line "sched-label PID TEXT" names it for tools/schedtrace.py.
 */
#include "user.h"

#define MAXJOBS 16

static volatile unsigned int sink;

static void cpu_job(void)
{
    for (;;)
        sink++;
}

/* A moment of work, then a tick's sleep: the timer almost never catches
 * it running (it is "I/O-bound"). */
static void io_job(void)
{
    for (;;) {
        for (int i = 0; i < 2000; i++)
            sink++;
        sleep(1);
    }
}

int main(int argc, char **argv)
{
    int ticks = 1000, use_prio = 0, njobs = 0, i = 1;
    int pids[MAXJOBS], amount[MAXJOBS], io[MAXJOBS];
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            ticks = atoi(argv[++i]);
        else if (strcmp(argv[i], "-p") == 0)
            use_prio = 1;
    }
    int go[2];
    if (pipe(go) < 0)
        return 1;
    setpriority(getpid(), 31);  /* the parent must get to run (prio, cfs) */
    settickets(100);            /* (lottery, stride) */
    for (; i < argc && njobs < MAXJOBS; i++, njobs++) {
        io[njobs] = argv[i][0] == 'i';
        amount[njobs] = atoi(argv[i] + io[njobs]);
        int pid = fork();
        if (pid == 0) {
            close(go[1]);
            if (!use_prio)
                settickets(amount[njobs]);  /* tickets are the caller's own */
            char c;
            read(go[0], &c, 1);             /* wait for the start */
            if (io[njobs])
                io_job();
            cpu_job();
        }
        pids[njobs] = pid;
        /* A priority is set from here, so it is in place before the job runs. */
        if (use_prio)
            setpriority(pid, amount[njobs]);
        printf("sched-label %d %s %s=%d\n", pid, io[njobs] ? "io" : "cpu",
               use_prio ? "prio" : "tickets", amount[njobs]);
    }
    close(go[0]);
    sleep(2);                   /* every job is now waiting at the pipe */
    printf("schedemo: %d jobs for %d ticks\n", njobs, ticks);
    int start = uptime();
    write(go[1], "gggggggggggggggg", (size_t)njobs);
    sleep(ticks);
    int elapsed = uptime() - start;
    static struct procinfo all[256];
    int n = getprocs(all, 256), total = 0;
    unsigned int got[MAXJOBS] = { 0 };
    for (int j = 0; j < njobs; j++)
        for (int k = 0; k < n; k++)
            if (all[k].pid == pids[j])
                got[j] = all[k].ticks;
    for (int j = 0; j < njobs; j++)
        total += (int)got[j];
    for (int j = 0; j < njobs; j++) {
        kill(pids[j]);
        printf("schedemo: pid %d (%s %d): %u ticks, %d.%d%% of %d\n", pids[j],
               io[j] ? "io" : "cpu", amount[j], got[j],
               total ? (int)(got[j] * 1000 / (unsigned)total) / 10 : 0,
               total ? (int)(got[j] * 1000 / (unsigned)total) % 10 : 0, total);
    }
    while (wait(0) >= 0)
        ;
    printf("schedemo: %d ticks elapsed\n", elapsed);
    return 0;
}
