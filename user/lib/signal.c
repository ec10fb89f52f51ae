/* signal() over the setsignal system call, the trampoline handlers
 * return through, and signal names (kill -NAME, the shell's reports). */
#include "user.h"

/* A handler's frame returns here, with %esp at the frame's signal
 * number, where sigreturn finds the rest (docs/signals.md). Nothing
 * follows: sigreturn resumes the interrupted code, or the process dies. */
_Static_assert(SYS_sigreturn == 41, "signal_trampoline's number");
__asm__(".text\n"
        ".globl signal_trampoline\n"
        ".type signal_trampoline, @function\n"
        "signal_trampoline:\n"
        "    movl $41, %eax\n"
        "    int $0x80\n");

sighandler_t signal(int sig, sighandler_t handler)
{
    int old = setsignal(sig, (void *)handler, (void *)signal_trampoline);
    return old == -1 ? SIG_ERR : (sighandler_t)old;
}

static const char *const names[NSIG] = {
    [SIGHUP] = "HUP",   [SIGINT] = "INT",   [SIGQUIT] = "QUIT", [SIGILL] = "ILL",
    [SIGTRAP] = "TRAP", [SIGABRT] = "ABRT", [SIGBUS] = "BUS",   [SIGFPE] = "FPE",
    [SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
    [SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM", [SIGCHLD] = "CHLD",
    [SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
};

const char *signal_name(int sig)
{
    return sig > 0 && sig < NSIG && names[sig] ? names[sig] : 0;
}

int signal_number(const char *s)
{
    int n;
    if (parse_number(s, &n) == 0)
        return n < NSIG ? n : -1;
    if (strncmp(s, "SIG", 3) == 0)
        s += 3;
    for (int sig = 1; sig < NSIG; sig++)
        if (names[sig] && strcmp(s, names[sig]) == 0)
            return sig;
    return -1;
}
