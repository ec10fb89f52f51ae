/*
 * System-call dispatch: the kernel side of `int $0x80`, and the handlers'
 * prototypes, generated from the rows of abi/syscalls.h. Every file that
 * defines a handler includes this header, so a handler whose parameters
 * differ from its row is a compile error ("conflicting types"). A user
 * pointer, USER_PTR(type) in the row, reaches the handler as a uaddr_t:
 * an integer it cannot dereference by mistake, only pass to copyin and
 * copyout. Every handler returns an int, the value %eax gets.
 */
#ifndef PROC_SYSCALL_H
#define PROC_SYSCALL_H

#include "mm/vm.h"

/* Opens vector 0x80 to ring 3 and routes it to the dispatcher. */
void syscall_init(void);

#define USER_PTR(type) uaddr_t
#define SYSCALL(num, name, ret, nargs, params) int sys_##name params;
#include "abi/syscalls.h"
#undef USER_PTR

#endif
