/*
 * The system-call stubs, one per row of kernel/abi/syscalls.h. Each moves
 * its (up to five) stack arguments into %ebx, %ecx, %edx, %esi, %edi, the
 * number into %eax, and traps with int $0x80; the result comes back in
 * %eax. %ebx, %esi and %edi are callee-saved in C, so they are preserved.
 */
#define SYSCALL(num, name, rtype, nargs, params)                    \
    .globl name;                                                    \
    .type name, @function;                                          \
    name:                                                           \
        pushl %ebx; pushl %esi; pushl %edi;                         \
        movl 16(%esp), %ebx; movl 20(%esp), %ecx;                   \
        movl 24(%esp), %edx; movl 28(%esp), %esi;                   \
        movl 32(%esp), %edi;                                        \
        movl $num, %eax;                                            \
        int $0x80;                                                  \
        popl %edi; popl %esi; popl %ebx;                            \
        ret;

.text
#include "abi/syscalls.h"
