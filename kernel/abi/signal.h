/*
 * Signals: their numbers (Linux's, so a man page's numbers work here) and
 * the three special dispositions. Shared by kernel and user; see
 * docs/signals.md.
 *
 * Default actions: SIGCHLD and SIGCONT are ignored (SIGCONT still
 * continues a stopped process, whatever its disposition), SIGSTOP and
 * SIGTSTP stop the process, every other signal ends it. SIGKILL and SIGSTOP
 * cannot be caught or ignored.
 */
#ifndef ABI_SIGNAL_H
#define ABI_SIGNAL_H

#define SIGHUP   1
#define SIGINT   2
#define SIGQUIT  3
#define SIGILL   4
#define SIGTRAP  5
#define SIGABRT  6
#define SIGBUS   7
#define SIGFPE   8
#define SIGKILL  9
#define SIGUSR1  10
#define SIGSEGV  11
#define SIGUSR2  12
#define SIGPIPE  13
#define SIGALRM  14
#define SIGTERM  15
#define SIGCHLD  17
#define SIGCONT  18
#define SIGSTOP  19
#define SIGTSTP  20

#define NSIG 32                 /* signal numbers are 1 .. NSIG-1 */

typedef void (*sighandler_t)(int);

#define SIG_DFL ((sighandler_t)0)       /* the default action */
#define SIG_IGN ((sighandler_t)1)       /* ignore it */
#define SIG_ERR ((sighandler_t)-1)      /* signal()'s failure */

#endif
