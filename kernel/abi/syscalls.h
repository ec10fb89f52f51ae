/*
 * THE system-call table: the single source of syscall numbers, user
 * prototypes, user stubs, kernel handler prototypes and kernel dispatch.
 * Adding a system call is one row here plus its sys_NAME handler in the
 * kernel.
 *
 *   SYSCALL(number, name, return type, argument count, (parameters))
 *
 * The parameters are as user code sees them, a user pointer written
 * USER_PTR(type): user code sees `type`, the kernel's handler a uaddr_t
 * (kernel/proc/syscall.h). The compiler checks the row against its
 * handler: a handler whose parameters differ, or an argument count that
 * does not match the parameters, does not compile.
 *
 * Include this with SYSCALL (and, where the parameters are expanded,
 * USER_PTR) defined; SYSCALL is #undef'd at the end. The calling
 * convention: `int $0x80`, number in %eax, arguments in %ebx, %ecx,
 * %edx, %esi, %edi, result in %eax (see docs/syscalls.md).
 */
SYSCALL(1,  fork,        int,    0, (void))
SYSCALL(2,  exit,        void,   1, (int status))
SYSCALL(3,  wait,        int,    1, (USER_PTR(int *) status))
SYSCALL(4,  kill,        int,    2, (int pid, int sig))
SYSCALL(5,  getpid,      int,    0, (void))
SYSCALL(6,  getppid,     int,    0, (void))
SYSCALL(7,  sleep,       int,    1, (int ticks))
SYSCALL(8,  uptime,      int,    0, (void))
SYSCALL(9,  exec,        int,    2, (USER_PTR(const char *) path, USER_PTR(char **) argv))
SYSCALL(10, sbrk,        char *, 1, (int n))
SYSCALL(11, yield,       int,    0, (void))
SYSCALL(12, suspend,     int,    1, (int pid))
SYSCALL(13, resume,      int,    1, (int pid))
SYSCALL(14, getprocs,    int,    2, (USER_PTR(struct procinfo *) buf, int max))
SYSCALL(15, sysinfo,     int,    1, (USER_PTR(struct sysinfo *) info))
SYSCALL(16, read,        int,    3, (int fd, USER_PTR(void *) buf, int n))
SYSCALL(17, write,       int,    3, (int fd, USER_PTR(const void *) buf, int n))
SYSCALL(18, open,        int,    2, (USER_PTR(const char *) path, int flags))
SYSCALL(19, close,       int,    1, (int fd))
SYSCALL(20, dup,         int,    1, (int fd))
SYSCALL(21, pipe,        int,    1, (USER_PTR(int *) fds))
/* Orchard extras, documented in docs/syscalls.md. */
SYSCALL(22, poweroff,    int,    1, (int status))
SYSCALL(23, setfg,       int,    1, (int pgid))
/* Scheduling, documented in docs/scheduler.md. */
SYSCALL(24, setpriority, int,    2, (int pid, int prio))
SYSCALL(25, getpriority, int,    1, (int pid))
SYSCALL(26, settickets,  int,    1, (int n))
SYSCALL(27, getpinfo,    int,    1, (USER_PTR(struct pstat *) ps))
SYSCALL(28, schedtrace,  int,    2, (USER_PTR(struct sched_event *) buf, int max))
// LAB syscall BEGIN
SYSCALL(29, schedstat,   int,    2, (int pid, USER_PTR(struct schedstat *) st))
// LAB syscall END
/* Files, documented in docs/files.md and docs/syscalls.md. */
SYSCALL(30, lseek,       int,    3, (int fd, int offset, int whence))
SYSCALL(31, fstat,       int,    2, (int fd, USER_PTR(struct stat *) st))
SYSCALL(32, stat,        int,    2, (USER_PTR(const char *) path, USER_PTR(struct stat *) st))
SYSCALL(33, mkdir,       int,    1, (USER_PTR(const char *) path))
SYSCALL(34, unlink,      int,    1, (USER_PTR(const char *) path))
SYSCALL(35, chdir,       int,    1, (USER_PTR(const char *) path))
SYSCALL(36, getcwd,      int,    2, (USER_PTR(char *) buf, int n))
SYSCALL(37, dup2,        int,    2, (int oldfd, int newfd))
/* Signals and job control, documented in docs/signals.md. setsignal is
 * the kernel half of the library's signal(): it also names the trampoline
 * that handlers return through (user/lib/signal.c). */
SYSCALL(40, setsignal,   int,    3, (int sig, USER_PTR(void *) handler, USER_PTR(void *) trampoline))
SYSCALL(41, sigreturn,   int,    0, (void))
SYSCALL(42, pause,       int,    0, (void))
SYSCALL(43, alarm,       int,    1, (int ticks))
SYSCALL(44, waitpid,     int,    3, (int pid, USER_PTR(int *) status, int options))
SYSCALL(45, setpgid,     int,    2, (int pid, int pgid))
SYSCALL(46, getpgid,     int,    1, (int pid))
/* Several CPUs, documented in docs/scheduler.md ("Several CPUs"). */
SYSCALL(50, setaffinity, int,    2, (int pid, unsigned int mask))
SYSCALL(51, getaffinity, int,    1, (int pid))
SYSCALL(52, getcpu,      int,    0, (void))
/* Mutexes shared by every process, documented in docs/syscalls.md. */
SYSCALL(55, mutex_create,  int,  0, (void))
SYSCALL(56, mutex_lock,    int,  1, (int id))
SYSCALL(57, mutex_unlock,  int,  1, (int id))
SYSCALL(58, mutex_destroy, int,  1, (int id))
#undef SYSCALL
