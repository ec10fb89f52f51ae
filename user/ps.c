/* ps: the process table, from getprocs(). */
#include "user.h"

static const char *state_name(int s)
{
    static const char *names[] = { "unused", "embryo", "ready", "running",
                                   "blocked", "suspended", "zombie" };
    return s >= 0 && s <= PROC_ZOMBIE ? names[s] : "?";
}

int main(void)
{
    static struct procinfo procs[1024];
    int n = getprocs(procs, 1024);
    if (n < 0) {
        fprintf(2, "ps: getprocs failed\n");
        return 1;
    }
    printf("PID   PPID  STATE      TICKS  NAME\n");
    for (int i = 0; i < n; i++)
        printf("%-5d %-5d %-10s %-6u %s\n", procs[i].pid, procs[i].ppid,
               state_name(procs[i].state), procs[i].ticks, procs[i].name);
    return 0;
}
