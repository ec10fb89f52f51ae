/*
 * void swtch(struct context **save, struct context *load)
 *
 * The context switch. Pushes the callee-saved registers onto the current
 * kernel stack (with the return address already there, that is a struct
 * context), stores the stack pointer in *save, then loads `load` as the
 * stack pointer and pops the other thread's registers. The `ret` returns
 * into whatever that thread was doing when it called swtch, or, for a new
 * process, into the eip its creator put in its context.
 */
.text
.globl swtch
swtch:
    movl 4(%esp), %eax          /* save */
    movl 8(%esp), %edx          /* load */
    pushl %ebp
    pushl %ebx
    pushl %esi
    pushl %edi
    movl %esp, (%eax)
    movl %edx, %esp
    popl %edi
    popl %esi
    popl %ebx
    popl %ebp
    ret
