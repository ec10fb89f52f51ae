/*
 * init: the first process (pid 1). It keeps a shell on the console,
 * restarting it if it dies, and reaps every orphan the kernel hands it.
 *
 * `init -c CMD` (what `make run` asks for) instead runs `sh -c CMD` once,
 * prints "exit status: N" as the very last line, and powers off with N.
 */
#include "user.h"

static int spawn_shell(char **argv)
{
    int pid = fork();
    if (pid == 0) {
        exec("/bin/sh", argv);
        fprintf(2, "init: cannot exec /bin/sh\n");
        exit(127);
    }
    return pid;
}

static int run_once(char *cmd)
{
    char *argv[] = { "sh", "-c", cmd, 0 };
    int pid = spawn_shell(argv);
    if (pid < 0) {
        printf("exit status: -1\n");
        poweroff(-1);
    }
    for (;;) {
        int status;
        int w = wait(&status);
        if (w == pid) {
            printf("exit status: %d\n", status);
            poweroff(status);
        }
        if (w < 0)
            break;              /* cannot happen: sh is our child */
        /* otherwise an orphan: reaped, nothing more to do */
    }
    return -1;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "-c") == 0)
        return run_once(argv[2]);
    if (argc > 1 || getpid() != 1) {
        fprintf(2, "usage: init [-c COMMAND] (the kernel starts it, as process 1)\n");
        return 2;
    }
    char *sh_argv[] = { "sh", 0 };
    for (;;) {
        int pid = spawn_shell(sh_argv);
        if (pid < 0) {
            sleep(100);         /* out of processes: try again later */
            continue;
        }
        int status, w;
        while ((w = wait(&status)) != pid && w >= 0)
            ;                   /* orphans */
        printf("init: sh exited with status %d; starting a new one\n", status);
    }
}
