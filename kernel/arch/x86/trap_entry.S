/*
 * The 256 interrupt-vector stubs and the common trap path.
 *
 * Each stub is 16 bytes long and aligned, so stub n is at
 * trap_vectors + 16 * n and the IDT needs no separate address table.
 * A stub makes every trap look the same: it pushes a zero error code
 * when the CPU pushes none, then the vector number.
 */
#include "arch/x86/mmu.h"

/* Vectors for which the CPU pushes an error code (SDM vol. 3, 6.13). */
#define HAS_ERR(n) ((n) == 8 || ((n) >= 10 && (n) <= 14) || (n) == 17 || (n) == 21 || (n) == 29 || (n) == 30)

.text
.balign 16
.globl trap_vectors
trap_vectors:
.set vec, 0
.rept 256
    .balign 16
    .if !HAS_ERR(vec)
    pushl $0
    .endif
    pushl $vec
    jmp trap_common
    .set vec, vec + 1
.endr

/* Build the trapframe (see struct trapframe), switch to kernel data
 * segments and this CPU's per-CPU segment in %gs (core/cpu.h), and call
 * trap(tf). cld: the C code assumes the direction flag
 * is clear, and a user program may have set it (std) before trapping;
 * iret restores the user's own flags. */
trap_common:
    cld
    pushl %ds
    pushl %es
    pushl %fs
    pushl %gs
    pushal
    movw $SEL_KDATA, %ax
    movw %ax, %ds
    movw %ax, %es
    movw %ax, %fs
    movw $SEL_KCPU, %ax
    movw %ax, %gs
    /* From user mode, ebp holds a user address: the kernel's frame chain
     * starts at 0 instead, so backtraces (GDB's bt, the panic's) end here
     * rather than wander into user memory. (The trapframe keeps the user's
     * ebp; popal restores it.) From kernel mode the chain goes on into the
     * interrupted code. */
    testl $3, 60(%esp)          /* the trapframe's cs: its RPL is the old CPL */
    jz 1f
    xorl %ebp, %ebp
1:
    pushl %esp
    call trap
    addl $4, %esp

/* Also where a new process first enters user mode (arch/x86/process.c). */
.globl trap_return
trap_return:
    popal
    popl %gs
    popl %fs
    popl %es
    popl %ds
    addl $8, %esp               /* trapno and err */
    iret
