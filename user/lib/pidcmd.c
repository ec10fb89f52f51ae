/* The body of kill, suspend and resume: one system call per pid argument. */
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
