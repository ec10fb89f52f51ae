/*
 * System-call dispatch. The convention: number in %eax, arguments in
 * %ebx, %ecx, %edx, %esi, %edi, result back in %eax. An unknown number
 * returns -1.
 *
 * For each row of abi/syscalls.h the preprocessor writes a small typed
 * wrapper, call_NAME(tf), which passes the row's argument count of
 * registers to sys_NAME as declared in proc/syscall.h: a row whose count
 * disagrees with its parameters does not compile, and each handler is
 * called through its own type. The table maps numbers to wrappers.
 */
#include "proc/syscall.h"

#include <stdint.h>

#include "arch/x86/trap.h"

typedef int (*syscall_fn)(const struct trapframe *tf);

/* The first n argument registers, in the convention's order. */
#define SYSCALL_ARGS0(tf)
#define SYSCALL_ARGS1(tf) (tf)->ebx
#define SYSCALL_ARGS2(tf) SYSCALL_ARGS1(tf), (tf)->ecx
#define SYSCALL_ARGS3(tf) SYSCALL_ARGS2(tf), (tf)->edx
#define SYSCALL_ARGS4(tf) SYSCALL_ARGS3(tf), (tf)->esi
#define SYSCALL_ARGS5(tf) SYSCALL_ARGS4(tf), (tf)->edi

#define SYSCALL(num, name, ret, nargs, params)                               \
    static int call_##name(const struct trapframe *tf)                       \
    {                                                                        \
        (void)tf;                                                            \
        return sys_##name(SYSCALL_ARGS##nargs(tf));                          \
    }
#include "abi/syscalls.h"

static const struct {
    syscall_fn fn;
    const char *name;
} syscalls[] = {
#define SYSCALL(num, name, ret, nargs, params) [num] = { call_##name, #name },
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
    tf->eax = (uint32_t)syscalls[n].fn(tf);
}

void syscall_init(void)
{
    trap_register(T_SYSCALL, syscall_dispatch, "system call");
}
