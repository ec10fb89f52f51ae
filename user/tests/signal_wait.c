/* waitpid and job control's kernel side: WNOHANG, WUNTRACED and
 * WCONTINUED, each change reported once; bad pids, options and status
 * pointers fail without reaping; SIGSTOP, SIGTSTP, suspend() stop, SIGCONT
 * and resume() continue, SIGKILL ends a stopped process; process groups
 * (setpgid, getpgid, kill(0, ...), kill(-pgid, ...)); fork inherits
 * dispositions and not pending signals; exec resets caught signals and
 * keeps ignored ones; SIGPIPE; signals to init are refused (SIGKILL,
 * SIGSTOP) or ignored. */
#include "utest.h"

#define REPORT_TICKS 200        /* a stop or continue is reported well within this */

static int spinner(void)
{
    for (;;)
        ;
    return 0;
}

static int exit_5(void)
{
    return 5;
}

static void waitpid_cases(void)
{
    int st = 0;
    CHECK_EQ(waitpid(-1, &st, WNOHANG), -1);            /* no children */
    int pid = spawn(spinner);
    CHECK_EQ(waitpid(pid, &st, WNOHANG), 0);
    CHECK_EQ(waitpid(-1, &st, WNOHANG), 0);
    CHECK_EQ(waitpid(pid, &st, 0x100), -1);             /* bad option */
    CHECK_EQ(waitpid(1, &st, WNOHANG), -1);             /* not our child */
    CHECK_EQ(waitpid(-0x40000000, &st, WNOHANG), -1);   /* no such group */
    CHECK_EQ(kill(pid, SIGKILL), 0);
    int z = spawn(exit_5);
    CHECK(await_state(z, PROC_ZOMBIE, 100));
    CHECK_EQ(waitpid(z, (int *)0xC0000000, 0), -1);     /* bad pointer: not reaped */
    CHECK_EQ(waitpid(z, (int *)0x10000000, 0), -1);
    CHECK_EQ(proc_state(z), PROC_ZOMBIE);
    CHECK_EQ(waitpid(z, &st, 0), z);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 5);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    CHECK_EQ(waitpid(z, &st, 0), -1);                   /* already reaped */
}

static volatile int conts;
static void on_cont(int sig) { conts += sig == SIGCONT; }

static int counting_spinner(void)
{
    signal(SIGCONT, on_cont);
    for (;;)
        if (conts)
            return 40 + conts;
    return 0;
}

/* One stop and one continue of pid, by (stop, cont), as waitpid sees
 * them; -1 if the stop failed (then waiting for it would never end). */
static int stop_and_continue(int pid, int stopsig, int how)
{
    int st = 0, r = how ? suspend(pid) : kill(pid, stopsig);
    CHECK_EQ(r, 0);
    if (r != 0)
        return -1;
    r = waitpid_within(pid, &st, WUNTRACED, REPORT_TICKS);
    CHECK_EQ(r, pid);
    if (r != pid)
        return -1;                      /* no stop reported: the rest cannot follow */
    CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == stopsig);
    CHECK(!WIFEXITED(st) && !WIFSIGNALED(st));
    CHECK_EQ(proc_state(pid), PROC_SUSPENDED);
    CHECK_EQ(waitpid(pid, &st, WNOHANG | WUNTRACED | WCONTINUED), 0);   /* once */
    unsigned t = proc_ticks(pid);
    sleep(5);
    CHECK_EQ(proc_ticks(pid), t);
    if (how)
        CHECK_EQ(resume(pid), 0);
    else
        CHECK_EQ(kill(pid, SIGCONT), 0);
    CHECK_EQ(waitpid_within(pid, &st, WCONTINUED, REPORT_TICKS), pid);
    CHECK(WIFCONTINUED(st));
    CHECK_EQ(waitpid(pid, &st, WNOHANG | WUNTRACED | WCONTINUED), 0);
    return 0;
}

/* Ends a child the checks gave up on. */
static void give_up(int pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, 0, 0);
}

static void stop_cases(void)
{
    int pid = spawn(spinner);
    if (stop_and_continue(pid, SIGSTOP, 0) < 0 || stop_and_continue(pid, SIGTSTP, 0) < 0 ||
        stop_and_continue(pid, SIGSTOP, 1) < 0) {       /* the last: suspend()/resume() */
        give_up(pid);
        return;
    }
    CHECK_EQ(kill(pid, SIGSTOP), 0);
    CHECK_EQ(kill(pid, SIGKILL), 0);                    /* a stopped process dies */
    int st = 0;
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);

    /* A caught SIGCONT: the handler runs once the process continues. */
    pid = spawn(counting_spinner);
    sleep(2);
    if (kill(pid, SIGSTOP) != 0) {
        CHECK(0);
        give_up(pid);
        return;
    }
    CHECK_EQ(waitpid_within(pid, &st, WUNTRACED, REPORT_TICKS), pid);
    CHECK_EQ(kill(pid, SIGCONT), 0);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 41);
}

static int sleeper(void)
{
    sleep(1000);
    return 0;
}

/* A child that leads its own group, forks a second member, signals its
 * group (ignoring the signal itself) and reports whether it lived. */
static int group_leader(void)
{
    setpgid(0, 0);
    if (getpgid(0) != getpid())
        return 1;
    int member = fork();
    if (member == 0) {
        sleep(1000);
        exit(0);
    }
    if (getpgid(member) != getpid())
        return 2;
    signal(SIGUSR1, SIG_IGN);
    sleep(2);
    if (kill(0, SIGUSR1) != 0)
        return 3;
    int st = 0;
    if (waitpid(member, &st, 0) != member || !WIFSIGNALED(st) || WTERMSIG(st) != SIGUSR1)
        return 4;
    return 0;
}

static void group_cases(void)
{
    int me = getpid();
    CHECK_EQ(getpgid(0), getpgid(me));
    CHECK(getpgid(me) > 0);
    CHECK_EQ(getpgid(-1), -1);
    CHECK_EQ(getpgid(0x7FFFFFF0), -1);
    int a = spawn(sleeper), b = spawn(sleeper);
    CHECK_EQ(getpgid(a), getpgid(me));                  /* a child starts in our group */
    CHECK_EQ(setpgid(a, a), 0);
    CHECK_EQ(setpgid(b, a), 0);                         /* into a's group */
    CHECK_EQ(getpgid(b), a);
    CHECK_EQ(setpgid(b, 0x7FFFFFF0), -1);               /* no such group */
    CHECK_EQ(setpgid(1, 0), -1);                        /* not our child */
    CHECK_EQ(setpgid(-1, 0), -1);
    CHECK_EQ(kill(-0x40000000, SIGTERM), -1);
    CHECK_EQ(kill(-a, 0), 0);
    CHECK_EQ(kill(-a, SIGTERM), 0);                     /* both */
    int st, n = 0;
    for (int i = 0; i < 2; i++) {
        int w = waitpid(-a, &st, 0);
        n += (w == a || w == b) && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM;
    }
    CHECK_EQ(n, 2);
    CHECK_EQ(kill(-a, 0), -1);                          /* the group is gone */
    int leader = spawn(group_leader);
    CHECK_EQ(waitpid(leader, &st, 0), leader);
    printf("  group leader's report: %d\n", WEXITSTATUS(st));
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static volatile int usr1s;
static void on_usr1(int sig)
{
    (void)sig;
    if (usr1s++ > 0)
        return;
    kill(getpid(), SIGUSR1);            /* pending (blocked) across the fork */
    int pid = fork();
    if (pid == 0)
        return;                         /* the child returns with nothing pending */
    int st = 0;
    waitpid(pid, &st, 0);
    usr1s += 100 * WEXITSTATUS(st);
}

static void fork_exec_cases(char *self)
{
    CHECK_EQ(signal(SIGUSR1, on_usr1), SIG_DFL);
    int pid = fork();
    if (pid == 0)
        exit(signal(SIGUSR1, SIG_DFL) == on_usr1 ? 0 : 1);   /* inherited */
    int st = 0;
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);

    /* The child, forked in the handler with a signal pending, ran the
     * handler once (exit 1 below); the parent twice. */
    if (kill(getpid(), SIGUSR1) == 0 && getpid() != 0 && usr1s < 100) {
        exit(usr1s);                    /* the child, back from the handler */
    }
    printf("  parent's count %d (100 x the child's + its own)\n", usr1s);
    CHECK_EQ(usr1s, 100 * 1 + 2);

    /* exec: caught -> default, ignored stays ignored. */
    signal(SIGUSR2, SIG_IGN);
    pid = fork();
    if (pid == 0) {
        char *argv[] = { self, "probe", 0 };
        exec(self, argv);
        exit(9);
    }
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    printf("  after exec: probe says %d (0: caught reset, ignored kept)\n", WEXITSTATUS(st));
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
}

/* After exec: SIGUSR1 was caught (now default), SIGUSR2 ignored. */
static int probe(void)
{
    int r = 0;
    if (signal(SIGUSR1, SIG_DFL) != SIG_DFL)
        r |= 1;
    if (signal(SIGUSR2, SIG_DFL) != SIG_IGN)
        r |= 2;
    return r;
}

static volatile int pipes_caught;
static void on_pipe(int sig) { pipes_caught += sig == SIGPIPE; }

static int broken_pipe_writer(void)
{
    int fds[2];
    pipe(fds);
    close(fds[0]);
    int r = write(fds[1], "x", 1);
    return r == -1 ? 5 + pipes_caught : 1;
}

static int ignoring_writer(void)
{
    signal(SIGPIPE, SIG_IGN);
    return broken_pipe_writer();
}

static int catching_writer(void)
{
    signal(SIGPIPE, on_pipe);
    return broken_pipe_writer();
}

static void pipe_and_init_cases(void)
{
    int st = 0, pid = spawn(broken_pipe_writer);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE);
    pid = spawn(ignoring_writer);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 5);
    pid = spawn(catching_writer);
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 6);
    CHECK_EQ(kill(1, SIGKILL), -1);
    CHECK_EQ(kill(1, SIGSTOP), -1);
    CHECK_EQ(kill(1, SIGTERM), 0);                      /* ignored */
    CHECK_EQ(kill(1, SIGUSR1), 0);
    sleep(2);
    CHECK_EQ(kill(1, 0), 0);                            /* init lives on */
    CHECK_EQ(proc_state(1) == PROC_SUSPENDED, 0);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "probe") == 0)
        return probe();
    waitpid_cases();
    stop_cases();
    group_cases();
    fork_exec_cases("/test/signal_wait");
    pipe_and_init_cases();
    DONE();
}
