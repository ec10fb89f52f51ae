/*
 * The hooks portable kernel code (core/, mm/, dev/ consumers) calls into
 * the architecture for. Everything x86-specific that portable code needs
 * goes through a name here; a port to another machine reimplements these.
 * The x86 versions live in arch/x86/ (inline ones in arch/x86/hooks.h).
 */
#ifndef ARCH_ARCH_H
#define ARCH_ARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86/context.h" /* struct context, struct fpu_state: in every PCB */
#include "arch/x86/hooks.h"   /* the inline hooks: they sit on hot paths */

struct trapframe;
struct proc;

/* Inline in hooks.h:
 *   bool arch_irq_enabled(void); void arch_irq_disable(void);
 *   void arch_irq_enable(void);
 *   void arch_idle(void): wait for the next interrupt (enables them);
 *   void arch_cpu_relax(void): one turn of a busy-wait loop;
 *   bool arch_from_user(tf): the trap came from user mode;
 *   void arch_set_return(tf, v): a system call's result;
 *   uint32_t arch_user_pc(tf): the user program counter;
 *   uint64_t arch_timestamp(void): cycles (instructions under -icount);
 *   struct cpu *arch_this_cpu(void): the CPU running this (core/cpu.h). */

/* Descriptor tables, interrupt controller, timer: called once by kmain. */
void arch_init_cpu(void);
/* Maps RAM [0, ram_top) in the kernel half and switches to it. */
void arch_paging_init(uint32_t ram_top);
void arch_init_timer(unsigned hz);
/* Finds the CPUs and interrupt controllers (after arch_paging_init,
 * before any IRQ is registered); starts the other CPUs once the clock
 * ticks and the scheduler is ready (each becomes its idle process). */
void arch_init_smp(void);
void arch_start_cpus(void);
/* Interrupts CPU `cpu` (an IPI on the reschedule vector): it then looks
 * at its need_resched and its process's flags (sched.c). */
void arch_send_resched(int cpu);

/* Stops the machine: power off with a status QEMU reports (tests), or
 * halt forever. Neither returns. */
void arch_poweroff(int status) __attribute__((noreturn));
void arch_halt(void) __attribute__((noreturn));

/* The context switch: kernel stack for traps, address space, FPU state,
 * then the registers (swtch). Returns when someone switches back to prev. */
void arch_switch(struct proc *prev, struct proc *next);
/* Prepares a new process's kernel stack so that its first switch-in
 * "returns" to user mode through its trapframe (see proc_alloc). */
void arch_proc_init_stack(struct proc *p, void (*first)(void));
/* Maps physical frame `frame` as process slot `slot`'s kernel stack, at
 * that slot's fixed address above an unmapped guard page, and returns the
 * address; NULL without memory for a page table. At boot only (every
 * process's directory shares the kernel half from then on), and never
 * changed after, so no CPU can cache a stale translation of a stack. */
void *arch_kstack_map(int slot, uint32_t frame);
/* The FPU: enabled once at boot; every new program starts clean. */
void arch_init_fpu(void);
void arch_fpu_init_state(struct proc *p);
/* Makes p's next return to user mode start a program at entry, stack esp. */
void arch_enter_user(struct proc *p, uint32_t entry, uint32_t esp);

/* Signals (arch/x86/sigframe.c): builds the frame a handler runs on, on
 * the user stack, and points the trapframe at handler; -1 if the stack
 * cannot take it. arch_signal_pop is sigreturn: restores the registers
 * and FPU state the frame saved, made safe, and gives back its mask. */
int arch_signal_push(struct trapframe *tf, int sig, uint32_t handler, uint32_t trampoline,
                     uint32_t mask);
int arch_signal_pop(struct trapframe *tf, uint32_t *mask);
/* Prints the registers of a trap and a symbolized backtrace. */
void arch_print_trap(const struct trapframe *tf);
void arch_backtrace_here(void);

#endif
