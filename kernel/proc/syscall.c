/*
 * System-call dispatch. The table is generated from abi/syscalls.h, the
 * one list of calls. The convention: number in %eax, arguments in %ebx,
 * %ecx, %edx, %esi, %edi, result back in %eax. An unknown number returns
 * -1.
 *
 * Every handler takes up to five 32-bit arguments and returns an int; the
 * dispatcher passes all five. Under the i386 C calling convention the
 * caller pops the arguments, so a handler declared with fewer simply
 * ignores the rest: one call site, no per-call glue. User pointers arrive
 * as uaddr_t (an integer) so that handlers cannot dereference them by
 * mistake: they must go through copyin/copyout.
 */
#include "proc/syscall.h"

#include <stdint.h>

#include "arch/x86/trap.h"

typedef int (*syscall_fn)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);

/* Declares every handler without its parameter list (see above). */
#define SYSCALL(num, name, ret, params) int sys_##name();
#include "abi/syscalls.h"

static const struct {
    syscall_fn fn;
    const char *name;
} syscalls[] = {
#define SYSCALL(num, name, ret, params) [num] = { (syscall_fn)(void (*)(void))sys_##name, #name },
#include "abi/syscalls.h"
};

#define NSYSCALLS (sizeof syscalls / sizeof syscalls[0])

static void syscall_dispatch(struct trapframe *tf)
{
    uint32_t n = tf->eax;
    if (n >= NSYSCALLS || !syscalls[n].fn) {
        tf->eax = (uint32_t)-1;
        return;
    }
    tf->eax = (uint32_t)syscalls[n].fn(tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi);
}

void syscall_init(void)
{
    trap_register(T_SYSCALL, syscall_dispatch, "system call");
}
