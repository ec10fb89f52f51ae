/*
 * Everything a user program needs: the system calls, the process and
 * system records they use, and the small C library in user/lib/.
 * A program includes only this file.
 */
#ifndef USER_H
#define USER_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "abi/fcntl.h"
#include "abi/procinfo.h"
#include "abi/schedstat.h"
#include "abi/schedtrace.h"
#include "abi/signal.h"
#include "abi/stat.h"
#include "abi/sysinfo.h"
#include "abi/wait.h"

struct pstat;                   /* getpinfo()'s: #include "pstat.h" */

#ifndef NULL
#define NULL ((void *)0)
#endif

/* SYS_fork, SYS_exit, ...: the numbers that go in %eax. */
enum {
#define SYSCALL(num, name, ret, nargs, params) SYS_##name = num,
#include "abi/syscalls.h"
};

/* The system calls (stubs in usys.S, generated from the same table). A
 * user pointer is an ordinary pointer on this side. */
#define USER_PTR(type) type
#define SYSCALL(num, name, ret, nargs, params) ret name params;
#include "abi/syscalls.h"
#undef USER_PTR
void exit(int status) __attribute__((noreturn));

/* printf.c: %d %u %x %p %s %c %%, widths, '-' and '0' flags. */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);

/* string.c (shared with the kernel) and ulib.c. */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strchr(const char *s, int c);
int atoi(const char *s);
/* A whole decimal number, 0 to INT_MAX, no sign or spaces: 0 and *out
 * set, or -1 (the utilities' check of their arguments). */
int parse_number(const char *s, int *out);
/* Reads one line (up to n-1 bytes, keeping the newline) from fd. */
char *gets_fd(int fd, char *buf, int n);

/* pidcmd.c: runs call(pid) for each argument (suspend, resume);
 * returns the program's exit status. */
int pid_command(int argc, char **argv, int (*call)(int pid));
/* kill [-N|-NAME] TARGET...: TARGET is PID, -PGID (after a signal, as
 * POSIX has it), or (when job is not NULL) what job(arg) returns for an
 * argument starting with '%' (0 for none). Returns the exit status. */
int kill_command(int argc, char **argv, int (*job)(const char *arg));

/* signal.c: signal() as POSIX has it (over setsignal); the previous
 * disposition, or SIG_ERR. Handlers return through signal_trampoline. */
sighandler_t signal(int sig, sighandler_t handler);
void signal_trampoline(void);
/* "TERM" for SIGTERM...; NULL for a number without a name. */
const char *signal_name(int sig);
/* A signal from "15", "TERM" or "SIGTERM"; -1 if none. */
int signal_number(const char *s);

/* copyfile.c: copies file from to file to (created or emptied), for cp
 * and mv; reports problems as "WHO: ..." and returns 0 or -1. */
int copy_file(const char *from, const char *to, const char *who);

/* description.c: the one-line description the build puts in a program's
 * ELF section .description (see user/user.mk); 0, or -1 if it has none. */
int program_description(const char *path, char *out, int n);

/* malloc.c: a first-fit allocator over sbrk. */
void *malloc(size_t n);
void free(void *p);

#endif
