/*
 * ps: the process table, from getprocs().
 *
 *   ps      PID, parent, state, the CPU it runs on or last ran on ("-"
 *           before its first run), CPU ticks used, name
 *   ps -s   scheduling statistics: the policy's priority number, CPU ticks,
 *           times scheduled, ticks spent ready (waiting), creation tick,
 *           response time (first run - creation) and turnaround (exit -
 *           creation, for zombies), all in ticks; "-" when not known yet.
 *           Then each CPU's load: the ticks of its timer that found it
 *           busy (not idle) against all its ticks, the processes queued
 *           on it, and the pid it runs.
 */
#include "user.h"

static const char *state_name(int s)
{
    static const char *names[] = { "unused", "embryo", "ready", "running",
                                   "blocked", "suspended", "zombie" };
    return s >= 0 && s <= PROC_ZOMBIE ? names[s] : "?";
}

/* The statistics getprocs has no room for: 0, or -1 if unavailable. */
static int get_schedstat(int pid, struct schedstat *st)
{
// LAB syscall BEGIN
    return schedstat(pid, st);
// LAB syscall END
}

/* A number (of ticks, a CPU), or "-" when negative (not known yet). */
static const char *ticks_or_dash(int v, char *buf, int n)
{
    if (v < 0)
        return "-";
    snprintf(buf, (size_t)n, "%d", v);
    return buf;
}

static void print_plain(const struct procinfo *pi)
{
    char cpu[12];
    printf("%-5d %-5d %-10s %-4s %-6u %s\n", pi->pid, pi->ppid, state_name(pi->state),
           ticks_or_dash(pi->cpu, cpu, sizeof cpu), pi->ticks, pi->name);
}

static void print_sched(const struct procinfo *pi)
{
    struct schedstat st;
    char resp[12], turn[12];
    int have = get_schedstat(pi->pid, &st) == 0;
    printf("%-5d %-9s %4d %6u %6u %6u %6u %5s %5s %s\n", pi->pid, state_name(pi->state),
           pi->priority, pi->ticks, pi->nscheduled, pi->ready_ticks, pi->start_tick,
           ticks_or_dash(have ? st.response : -1, resp, sizeof resp),
           ticks_or_dash(have ? st.turnaround : -1, turn, sizeof turn), pi->name);
}

/* ps -s's second table: each CPU's load since boot, from sysinfo. */
static void print_cpus(void)
{
    struct sysinfo si;
    if (sysinfo(&si) < 0)
        return;
    printf("CPU  BUSY  TICKS  LOAD  READY  RUNS\n");
    for (unsigned int i = 0; i < si.ncpu && i < SYSINFO_NCPU; i++) {
        unsigned int t = si.cpu_ticks[i], b = si.cpu_busy[i];
        char runs[12] = "idle";
        if (si.cpu_running[i])
            snprintf(runs, sizeof runs, "%d", si.cpu_running[i]);
        printf("%-4u %5u %6u %4u%% %6u  %s\n", i, b, t, t ? (unsigned int)((uint64_t)b * 100 / t) : 0,
               si.cpu_ready[i], runs);
    }
}

int main(int argc, char **argv)
{
    static struct procinfo procs[1024];
    int sched = argc == 2 && strcmp(argv[1], "-s") == 0;
    if (argc > 1 && !sched) {
        fprintf(2, "usage: ps [-s]\n");
        return 2;
    }
    int n = getprocs(procs, 1024);
    if (n < 0) {
        fprintf(2, "ps: getprocs failed\n");
        return 1;
    }
    if (sched)
        printf("PID   STATE      PRI  TICKS  SCHED  READY  START  RESP  TURN NAME\n");
    else
        printf("PID   PPID  STATE      CPU  TICKS  NAME\n");
    for (int i = 0; i < n; i++) {
        if (sched)
            print_sched(&procs[i]);
        else
            print_plain(&procs[i]);
    }
    if (sched)
        print_cpus();
    return 0;
}
