/* System-call dispatch: the kernel side of `int $0x80`. */
#ifndef PROC_SYSCALL_H
#define PROC_SYSCALL_H

/* Opens vector 0x80 to ring 3 and routes it to the dispatcher. */
void syscall_init(void);

#endif
