/* The bodies of kill, suspend and resume: one system call per pid argument. */
#include "user.h"

int pid_command(int argc, char **argv, int (*call)(int pid))
{
    int pid, bad = argc < 2;
    for (int i = 1; i < argc; i++) {
        if (parse_number(argv[i], &pid) < 0 || pid == 0) {
            fprintf(2, "%s: %s: not a process id\n", argv[0], argv[i]);
            bad = 1;
        }
    }
    if (bad) {
        fprintf(2, "usage: %s PID...\n", argv[0]);
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        parse_number(argv[i], &pid);
        if (call(pid) < 0) {
            fprintf(2, "%s: %s: no such process (or not allowed)\n", argv[0], argv[i]);
            status = 1;
        }
    }
    return status;
}

/* A kill target: PID, -PGID (a process group), or what job() makes of
 * an argument (the shell's %N); 0 if it is none of these. */
static int kill_target(const char *arg, int (*job)(const char *arg))
{
    int n;
    if (arg[0] == '%' && job)
        return job(arg);
    if (arg[0] == '-')
        return parse_number(arg + 1, &n) == 0 && n > 1 ? -n : 0;
    return parse_number(arg, &n) == 0 ? n : 0;
}

int kill_command(int argc, char **argv, int (*job)(const char *arg))
{
    int sig = SIGTERM, first = 1;
    if (argc > 1 && argv[1][0] == '-') {  /* a signal; groups come after one */
        sig = signal_number(argv[1] + 1);
        first = 2;
        if (sig < 0) {
            fprintf(2, "%s: %s: no such signal\n", argv[0], argv[1] + 1);
            return 2;
        }
    }
    int bad = first >= argc;
    for (int i = first; i < argc; i++) {
        if (kill_target(argv[i], job) == 0) {
            fprintf(2, "%s: %s: not a process id\n", argv[0], argv[i]);
            bad = 1;
        }
    }
    if (bad) {
        fprintf(2, "usage: %s [-N|-NAME] PID|-PGID%s...\n", argv[0], job ? "|%JOB" : "");
        return 2;
    }
    int status = 0;
    for (int i = first; i < argc; i++) {
        if (kill(kill_target(argv[i], job), sig) < 0) {
            fprintf(2, "%s: %s: no such process (or not allowed)\n", argv[0], argv[i]);
            status = 1;
        }
    }
    return status;
}
