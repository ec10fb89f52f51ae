/*
 * schedtrace: reads the kernel's scheduling trace (schedtrace()) and
 * prints it in the text form tools/schedtrace.py turns into pictures.
 *
 *   schedtrace              print the events not read yet
 *   schedtrace -c           discard them
 *   schedtrace CMD [ARG...] discard them, run /bin/CMD, wait for it,
 *                           then print what happened meanwhile
 *
 * The text form: a line "schedtrace hz=HZ policy=NAME" (from sysinfo()),
 * then one line per event
 *   ev TICK FROM TO KIND        (KIND: preempted, blocked, ... see
 *                               kernel/abi/schedtrace.h)
 * then "schedtrace end", and "sched-name PID NAME" for itself and CMD.
 * Lines "sched-label PID TEXT" that programs print (schedemo does) name
 * the rows of the pictures, and pick them out (--only-labelled).
 */
#include "user.h"

static const char *const kind_names[] = {
#define SCHED_EVENT_NAME(name, text) [SCHED_EV_##name] = text,
    SCHED_EVENTS(SCHED_EVENT_NAME)
#undef SCHED_EVENT_NAME
};

static struct sched_event buf[256];

/* The header says what the ticks are worth and whose decisions follow. */
static void header(void)
{
    struct sysinfo si;
    if (sysinfo(&si) < 0) {
        printf("schedtrace\n");
        return;
    }
    si.policy[sizeof si.policy - 1] = '\0';
    printf("schedtrace hz=%u policy=%s\n", si.hz, si.policy);
}

/* Reads every unread event; prints them unless quiet. */
static int drain(int quiet)
{
    int n;
    if (!quiet)
        header();
    while ((n = schedtrace(buf, 256)) > 0) {
        for (int i = 0; !quiet && i < n; i++) {
            int k = buf[i].kind;
            printf("ev %u %d %d %s %d\n", buf[i].tick, buf[i].from, buf[i].to,
                   k >= 0 && k < SCHED_EV_COUNT ? kind_names[k] : "?", buf[i].cpu);
        }
    }
    if (!quiet)
        printf("schedtrace end\n");
    return n < 0 ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc == 1)
        return drain(0);
    if (strcmp(argv[1], "-c") == 0)
        return drain(1);
    drain(1);
    int pid = fork();
    if (pid == 0) {
        char path[64];
        snprintf(path, sizeof path, "/bin/%s", argv[1]);
        exec(argv[1][0] == '/' ? argv[1] : path, argv + 1);
        fprintf(2, "schedtrace: cannot run %s\n", argv[1]);
        exit(127);
    }
    int status = -1, w;
    while ((w = wait(&status)) != pid && w >= 0)
        ;
    printf("sched-name %d schedtrace\n", getpid());
    printf("sched-name %d %s\n", pid, argv[1]);
    int r = drain(0);
    return r ? r : status;
}
