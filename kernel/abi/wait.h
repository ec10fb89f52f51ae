/*
 * waitpid(): its options and how to read the status it stores. The
 * encoding is Linux's (bits 0-6 the signal that ended the child, 0 if
 * it exited; bits 8-15 the exit status or the stop signal; 0x7f in the
 * low byte for stopped; 0xffff for continued). wait() is different: it
 * stores the whole exit status, -1 for a child a signal ended (see
 * docs/signals.md).
 */
#ifndef ABI_WAIT_H
#define ABI_WAIT_H

#define WNOHANG    1            /* return 0 at once if no child changed state */
#define WUNTRACED  2            /* also report children that stopped */
#define WCONTINUED 8            /* also report stopped children that continued */

#define WIFEXITED(s)    (((s) & 0x7f) == 0)
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WIFSIGNALED(s)  (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define WSTOPSIG(s)     WEXITSTATUS(s)
#define WIFCONTINUED(s) ((s) == 0xffff)

/* How the kernel builds them. */
#define W_EXITCODE(status) (((status) & 0xff) << 8)
#define W_SIGNALED(sig)    ((sig) & 0x7f)
#define W_STOPCODE(sig)    (((sig) << 8) | 0x7f)
#define W_CONTINUED        0xffff

#endif
