/*
 * schedemo: a workload for looking at a scheduling policy (make
 * sched-demo). Starts one job per argument, all at the same moment, lets
 * them run for a while, then prints each job's share of the CPU.
 *
 *   schedemo [-t TICKS] [-p] [-l] JOB...
 *     JOB   cpu  a CPU-bound job (it never blocks)
 *           io   an I/O-bound job: a moment of work (well under a tick),
 *                then a tick's sleep, again and again
 *           N    a CPU-bound job with N tickets (settickets)
 *           iN   an I/O-bound job with N tickets
 *     -p    N is a priority (setpriority) instead of tickets
 *     -l    watch the jobs' priorities (getprocs; under mlfq, the queue
 *           level) and print "sched-level TICK PID LEVEL" at each change
 *     -t    how long the jobs run, in ticks (default 1000)
 *     -i    instead of jobs, priority inversion (run it under sched=prio):
 *           low (priority 10) takes a mutex and needs INV_WORK ticks of
 *           CPU before it unlocks; high (30) comes for the mutex and
 *           waits; mid (20) spins. All three run on CPU 0, and the
 *           priorities are watched as with -l, donated ones included
 *           (procinfo's eff_prio). Without priority donation high waits
 *           as long as mid runs; with it, about INV_WORK ticks
 *           (docs/labs/donate.md).
 *
 *   schedemo 30 20 10        the OSTEP lottery graph: tickets 30:20:10
 *   schedemo -l cpu io       mlfq: the CPU-bound job sinks, the I/O one stays
 *
 * Without a job, or with one it cannot read, it prints its usage and exits 2.
 * Each job's line "sched-label PID TEXT" names it for tools/schedtrace.py.
 */
#include "user.h"

#define MAXJOBS 16

struct job {
    int pid;
    int io;             /* I/O-bound rather than CPU-bound */
    int amount;         /* tickets or priority; -1: none given */
};

static volatile unsigned int sink;
static int use_prio;
static int inversion;           /* -i: watch eff_prio, not the policy's number */

static int usage(void)
{
    fprintf(2, "usage: schedemo [-t TICKS] [-p] [-l] JOB...  (JOB: cpu, io, N or iN)\n"
               "       schedemo [-t TICKS] -i  (priority inversion, under sched=prio)\n");
    return 2;
}

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

static int is_number(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* "cpu", "io", "N" or "iN" into *j; returns -1 for anything else. */
static int parse_job(const char *s, struct job *j)
{
    j->io = strcmp(s, "io") == 0 || s[0] == 'i';
    j->amount = -1;
    if (strcmp(s, "cpu") == 0 || strcmp(s, "io") == 0)
        return 0;
    if (!is_number(s + j->io) || strlen(s + j->io) > 4)
        return -1;
    j->amount = atoi(s + j->io);
    return 0;
}

/* "cpu", "io prio=20", "cpu tickets=30": the job's label. */
static void label(const struct job *j, char *buf, int size)
{
    if (j->amount < 0)
        snprintf(buf, (size_t)size, "%s", j->io ? "io" : "cpu");
    else
        snprintf(buf, (size_t)size, "%s %s=%d", j->io ? "io" : "cpu", use_prio ? "prio" : "tickets",
                 j->amount);
}

/* Forks the job; it waits at the pipe `go` for the start. */
static void start_job(struct job *j, int go[2])
{
    int pid = fork();
    if (pid == 0) {
        close(go[1]);
        if (!use_prio && j->amount >= 0)
            settickets(j->amount);      /* tickets are the caller's own */
        char c;
        read(go[0], &c, 1);
        if (j->io)
            io_job();
        cpu_job();
    }
    j->pid = pid;
    /* A priority is set from here, so it is in place before the job runs. */
    if (use_prio && j->amount >= 0)
        setpriority(pid, j->amount);
    char text[32];
    label(j, text, sizeof text);
    printf("sched-label %d %s\n", pid, text);
}

static struct procinfo all[256];
static int nall;                /* records in all[], from the last snapshot() */

/* Reads every process's record at one instant, into all[]. */
static void snapshot(void)
{
    nall = getprocs(all, 256);
}

/* pid's record in the last snapshot, or NULL. */
static const struct procinfo *record(int pid)
{
    for (int k = 0; k < nall; k++)
        if (all[k].pid == pid)
            return &all[k];
    return 0;
}

/* Each job's priority (mlfq: its level; -i: eff_prio), into prio[]. */
static void read_priorities(const struct job *jobs, int njobs, int *prio)
{
    snapshot();
    for (int j = 0; j < njobs; j++) {
        const struct procinfo *r = record(jobs[j].pid);
        if (r)
            prio[j] = inversion ? r->eff_prio : r->priority;
    }
}

/* Until `ticks` have passed since `start`, looks once a tick and prints
 * every change of a job's priority. */
static void watch_levels(const struct job *jobs, int njobs, int start, int ticks)
{
    int last[MAXJOBS], now[MAXJOBS];
    for (int j = 0; j < njobs; j++)
        last[j] = -1;
    for (;;) {
        int t = uptime();
        read_priorities(jobs, njobs, now);
        for (int j = 0; j < njobs; j++)
            if (now[j] != last[j])
                printf("sched-level %d %d %d\n", t, jobs[j].pid, last[j] = now[j]);
        if (t - start >= ticks)
            return;
        sleep(1);
    }
}

#define INV_WORK 30             /* ticks of CPU low needs while it holds the mutex */
#define INV_HIGH_AT 10          /* ticks after the start: high comes for the mutex */
#define INV_MID_AT 12           /* and mid starts spinning */

/* The caller's CPU ticks so far. */
static unsigned int my_ticks(void)
{
    snapshot();
    const struct procinfo *r = record(getpid());
    return r ? r->ticks : 0;
}

/* The three processes of -i, waiting at `go`; jobs[0..2] = low, mid, high. */
static void start_inversion(struct job *jobs, int go[2])
{
    static const char *const text[3] = { "low prio=10 (holds the mutex)", "mid prio=20",
                                         "high prio=30 (wants the mutex)" };
    int m = mutex_create(), ready[2];
    if (m < 0 || pipe(ready) < 0 || setaffinity(0, 1u) < 0) {
        fprintf(2, "schedemo: -i needs a mutex, a pipe and CPU 0\n");
        exit(1);
    }
    for (int j = 0; j < 3; j++) {
        jobs[j] = (struct job){ .pid = fork(), .io = 0, .amount = 10 * (j + 1) };
        if (jobs[j].pid == 0) {
            char c;
            if (j == 0) {
                mutex_lock(m);
                write(ready[1], "r", 1);
            }
            read(go[0], &c, 1);
            if (j == 0) {
                for (unsigned int end = my_ticks() + INV_WORK; my_ticks() < end;)
                    sink++;
                mutex_unlock(m);
            } else if (j == 2) {
                sleep(INV_HIGH_AT);
                int t0 = uptime();
                mutex_lock(m);
                printf("schedemo: high waited %d ticks for the mutex; low held it for %d "
                       "ticks of CPU\n", uptime() - t0, INV_WORK);
                mutex_unlock(m);
                exit(0);                /* done: mid may run now */
            } else {
                sleep(INV_MID_AT);
            }
            cpu_job();
        }
        setpriority(jobs[j].pid, jobs[j].amount);
        printf("sched-label %d %s\n", jobs[j].pid, text[j]);
        if (j == 0) {
            char c;
            read(ready[0], &c, 1);      /* low holds the mutex */
        }
    }
    use_prio = 1;
}

/* Whether pid has not exited yet (high, still waiting for the mutex). */
static int still_waiting(int pid)
{
    snapshot();
    const struct procinfo *r = record(pid);
    return r && r->state != PROC_ZOMBIE;
}

static void report(const struct job *jobs, int njobs)
{
    unsigned int got[MAXJOBS] = { 0 }, total = 0;
    snapshot();
    for (int j = 0; j < njobs; j++) {
        const struct procinfo *r = record(jobs[j].pid);
        got[j] = r ? r->ticks : 0;
    }
    for (int j = 0; j < njobs; j++)
        total += got[j];
    for (int j = 0; j < njobs; j++) {
        kill(jobs[j].pid, SIGKILL);
        unsigned int permille = total ? got[j] * 1000 / total : 0;
        char text[32];
        label(&jobs[j], text, sizeof text);
        printf("schedemo: pid %d (%s): %u ticks, %u.%u%% of %u\n", jobs[j].pid, text, got[j],
               permille / 10, permille % 10, total);
    }
}

int main(int argc, char **argv)
{
    int ticks = 1000, watch = 0, njobs = 0, i = 1;
    struct job jobs[MAXJOBS];
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-t") == 0 && i + 1 < argc && is_number(argv[i + 1]) &&
            strlen(argv[i + 1]) <= 6)
            ticks = atoi(argv[++i]);
        else if (strcmp(argv[i], "-p") == 0)
            use_prio = 1;
        else if (strcmp(argv[i], "-l") == 0)
            watch = 1;
        else if (strcmp(argv[i], "-i") == 0)
            inversion = watch = 1;
        else
            return usage();
    }
    if ((i == argc && !inversion) || (i < argc && inversion) || argc - i > MAXJOBS)
        return usage();
    for (; i < argc; i++)
        if (parse_job(argv[i], &jobs[njobs++]) < 0)
            return usage();
    int go[2];
    if (pipe(go) < 0)
        return 1;
    setpriority(getpid(), 31);  /* the parent must get to run (prio, cfs) */
    settickets(100);            /* (lottery, stride) */
    if (inversion) {
        start_inversion(jobs, go);
        njobs = 3;
    } else {
        for (int j = 0; j < njobs; j++)
            start_job(&jobs[j], go);
    }
    close(go[0]);
    sleep(2);                   /* every job is now waiting at the pipe */
    printf("schedemo: %d jobs for %d ticks\n", njobs, ticks);
    int start = uptime();
    write(go[1], "gggggggggggggggg", (size_t)njobs);
    if (watch)
        watch_levels(jobs, njobs, start, ticks);
    else
        sleep(ticks);
    int elapsed = uptime() - start;
    if (inversion && still_waiting(jobs[2].pid))
        printf("schedemo: high never got the mutex in %d ticks: priority inversion "
               "(boot option donate=off?)\n", elapsed);
    report(jobs, njobs);
    while (wait(0) >= 0)
        ;
    printf("schedemo: %d ticks elapsed\n", elapsed);
    return 0;
}
