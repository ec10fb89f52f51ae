/*
 * THE system-call table: the single source of syscall numbers, user
 * prototypes, user stubs and kernel dispatch. Adding a system call is one
 * row here plus its sys_NAME handler in the kernel.
 *
 *   SYSCALL(number, name, return type, (parameters as user code sees them))
 *
 * Include this with SYSCALL defined; it is #undef'd at the end. The
 * calling convention: `int $0x80`, number in %eax, arguments in %ebx, %ecx,
 * %edx, %esi, %edi, result in %eax (see docs/syscalls.md).
 */
SYSCALL(1,  fork,     int,    (void))
SYSCALL(2,  exit,     void,   (int status))
SYSCALL(3,  wait,     int,    (int *status))
SYSCALL(4,  kill,     int,    (int pid))
SYSCALL(5,  getpid,   int,    (void))
SYSCALL(6,  getppid,  int,    (void))
SYSCALL(7,  sleep,    int,    (int ticks))
SYSCALL(8,  uptime,   int,    (void))
SYSCALL(9,  exec,     int,    (const char *path, char **argv))
SYSCALL(10, sbrk,     char *, (int n))
SYSCALL(11, yield,    int,    (void))
SYSCALL(12, suspend,  int,    (int pid))
SYSCALL(13, resume,   int,    (int pid))
SYSCALL(14, getprocs, int,    (struct procinfo *buf, int max))
SYSCALL(15, sysinfo,  int,    (struct sysinfo *info))
SYSCALL(16, read,     int,    (int fd, void *buf, int n))
SYSCALL(17, write,    int,    (int fd, const void *buf, int n))
SYSCALL(18, open,     int,    (const char *path, int flags))
SYSCALL(19, close,    int,    (int fd))
SYSCALL(20, dup,      int,    (int fd))
SYSCALL(21, pipe,     int,    (int fds[2]))
/* Orchard extras, documented in docs/syscalls.md. */
SYSCALL(22, poweroff, int,    (int status))
SYSCALL(23, setfg,    int,    (int pid))
/* Scheduling, documented in docs/scheduler.md. */
SYSCALL(24, setpriority, int, (int pid, int prio))
SYSCALL(25, getpriority, int, (int pid))
SYSCALL(26, settickets, int,  (int n))
SYSCALL(27, getpinfo, int,    (struct pstat *ps))
SYSCALL(28, schedtrace, int,  (struct sched_event *buf, int max))
// LAB syscall BEGIN
SYSCALL(29, schedstat, int,   (int pid, struct schedstat *st))
// LAB syscall END
#undef SYSCALL
