/*
 * exec: replace the current process's program. The classic recipe: load
 * every PT_LOAD segment of the ELF file from the initramfs with its own
 * permissions, build a stack holding argc, argv and the strings (as if
 * main had been called), start an empty heap, keep the open files, and
 * begin at the ELF entry. Nothing of the old program changes until the
 * new one is completely built: a failure returns -1 to a caller still
 * running its old program.
 */
#ifndef PROC_EXEC_H
#define PROC_EXEC_H

#define MAXARG     64           /* arguments, argv[0] included */
#define MAXARGLEN  4096         /* bytes of argument strings, NULs included */

/* exec with kernel-space path and argv (NULL-terminated). */
int exec_kernel(const char *path, char *const argv[]);

#endif
