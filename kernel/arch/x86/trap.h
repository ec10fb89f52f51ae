/*
 * Traps: CPU exceptions (vectors 0-31), hardware interrupts IRQ 0-15 from
 * the I/O APIC or the 8259 PICs (vectors 32-47), the system-call vector
 * 0x80, and the local APIC's spurious vector (0xFF).
 * Every vector enters through trap_entry.S, which saves a struct trapframe
 * and calls trap(); trap() looks the vector up in a table of named
 * handlers filled by trap_register() / irq_register().
 */
#ifndef ARCH_X86_TRAP_H
#define ARCH_X86_TRAP_H

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86/mmu.h"

#define T_DIVIDE    0
#define T_DEBUG     1
#define T_NMI       2
#define T_BRKPT     3
#define T_OFLOW     4
#define T_BOUND     5
#define T_ILLOP     6
#define T_DEVICE    7
#define T_DBLFLT    8
#define T_TSS       10
#define T_SEGNP     11
#define T_STACK     12
#define T_GPFLT     13
#define T_PGFLT     14
#define T_FPERR     16
#define T_ALIGN     17
#define T_MCHK      18
#define T_SIMDERR   19
#define T_NEXCEPTIONS 32

#define T_IRQ0      32          /* ISA IRQ n arrives as vector T_IRQ0 + n */
#define T_SYSCALL   0x80
#define T_NVECTORS  256

/*
 * The registers saved on the kernel stack at every trap, lowest address
 * first. trap_entry.S pushes gs..ds and the pushal block; the CPU pushed
 * eip, cs, eflags (and esp, ss when coming from ring 3); the vector stub
 * pushed trapno and err (0 when the CPU pushes no error code).
 */
struct trapframe {
    /* pushal */
    uint32_t edi, esi, ebp, esp_at_pushal, ebx, edx, ecx, eax;
    uint32_t gs, fs, es, ds;
    uint32_t trapno;
    uint32_t err;
    /* pushed by the CPU */
    uint32_t eip;
    uint32_t cs;
    uint32_t eflags;
    uint32_t esp;               /* only valid when trap_from_user(tf) */
    uint32_t ss;                /* only valid when trap_from_user(tf) */
};

/*
 * Did the trap come from user code? The one test the kernel uses. Ring 3
 * shows in %cs's low bits, except in virtual-8086 mode (EFLAGS.VM), which
 * runs at CPL 3 with a real-mode segment in %cs. Orchard never enters V86
 * mode, and a real CPU ignores VM in an iret at CPL 3, but QEMU's TCG
 * honours it: a program can get there, and trap() kills it at its first
 * exception.
 */
static inline bool trap_from_user(const struct trapframe *tf)
{
    return (tf->cs & 3) || (tf->eflags & FL_VM);
}

typedef void (*trap_handler_fn)(struct trapframe *tf);

/* Builds the IDT (shared by every CPU) and loads it on the boot CPU. */
void trap_init(void);
/* Loads the IDT on the calling CPU. */
void trap_init_cpu(void);
/* Routes vector to handler; `name` shows in panics and the trap table. */
void trap_register(int vector, trap_handler_fn handler, const char *name);
/* Routes ISA IRQ irq to handler and unmasks it (arch/x86/irqchip.h). */
void irq_register(int irq, trap_handler_fn handler, const char *name);
/* The name of a vector: "page fault", "timer", ... */
const char *trap_name(int vector);

void trap(struct trapframe *tf);
/* Registers the page-fault handler (arch/x86/fault.c). */
void fault_init(void);

#endif
