/*
 * The interrupt descriptor table and trap dispatch.
 *
 * All 256 gates are interrupt gates (the CPU clears IF on entry, so a
 * handler starts with interrupts off) with DPL 0, except the system-call
 * gate, which syscall_init() opens to ring 3: `int n` from user mode
 * with any other vector raises a general-protection fault instead.
 */
#include "arch/x86/trap.h"

#include "arch/x86/mmu.h"
#include "arch/x86/irqchip.h"
#include "arch/x86/lapic.h"
#include "arch/x86/x86.h"
#include "core/panic.h"
#include "proc/proc.h"
#include "proc/sched.h"

struct gate {
    uint16_t offset_lo;
    uint16_t selector;
    uint8_t zero;
    uint8_t type_attr;          /* present | DPL | type */
    uint16_t offset_hi;
} __attribute__((packed));

#define GATE_INTERRUPT 0x8E     /* present, DPL 0, 32-bit interrupt gate */
#define GATE_TASK      0x85     /* present, DPL 0, task gate */

struct trap_entry {
    trap_handler_fn handler;
    const char *name;
};

static struct gate idt[T_NVECTORS];
static struct trap_entry traps[T_NVECTORS];     /* written at init only */
extern char trap_vectors[];                     /* trap_entry.S, 16 bytes each */

static const char *const exception_names[T_NEXCEPTIONS] = {
    "divide error", "debug", "non-maskable interrupt", "breakpoint",
    "overflow", "bound range exceeded", "invalid opcode", "device not available",
    "double fault", "coprocessor segment overrun", "invalid TSS", "segment not present",
    "stack-segment fault", "general protection fault", "page fault", "reserved (15)",
    "x87 floating-point error", "alignment check", "machine check", "SIMD floating-point error",
    "virtualization exception", "control protection", "reserved (22)", "reserved (23)",
    "reserved (24)", "reserved (25)", "reserved (26)", "reserved (27)",
    "hypervisor injection", "VMM communication", "security exception", "reserved (31)",
};

static void set_gate(int vector, int dpl)
{
    uint32_t addr = (uint32_t)(trap_vectors + 16 * vector);
    idt[vector] = (struct gate){
        .offset_lo = addr & 0xFFFF,
        .selector = SEL_KCODE,
        .type_attr = (uint8_t)(GATE_INTERRUPT | (dpl << 5)),
        .offset_hi = addr >> 16,
    };
}

void trap_init(void)
{
    for (int v = 0; v < T_NVECTORS; v++)
        set_gate(v, 0);
    /* A double fault switches to a task with its own stack (gdt.c). */
    idt[T_DBLFLT] = (struct gate){ .selector = SEL_DFTSS, .type_attr = GATE_TASK };
    for (int v = 0; v < T_NEXCEPTIONS; v++)
        traps[v].name = exception_names[v];
    trap_init_cpu();
}

void trap_init_cpu(void)
{
    lidt(idt, sizeof idt);
}

void trap_register(int vector, trap_handler_fn handler, const char *name)
{
    ASSERT(vector >= 0 && vector < T_NVECTORS);
    traps[vector] = (struct trap_entry){ handler, name };
    if (vector == T_SYSCALL)
        set_gate(vector, 3);    /* the one gate ring 3 may use */
}

void irq_register(int irq, trap_handler_fn handler, const char *name)
{
    trap_register(T_IRQ0 + irq, handler, name);
    irqchip_unmask(irq);
}

const char *trap_name(int vector)
{
    if (vector >= 0 && vector < T_NVECTORS && traps[vector].name)
        return traps[vector].name;
    return "unexpected interrupt";
}

/* The signal a user program's fault raises (as Linux chooses them). */
static int fault_signal(uint32_t trapno)
{
    switch (trapno) {
    case T_DIVIDE:
        return SIGFPE;
    case T_ILLOP:
    case T_DEVICE:
        return SIGILL;
    case T_DEBUG:
    case T_BRKPT:
        return SIGTRAP;
    case T_SEGNP:
    case T_STACK:
    case T_ALIGN:
        return SIGBUS;
    default:
        return SIGSEGV;
    }
}

static void handle_irq(struct trapframe *tf)
{
    int irq = (int)tf->trapno - T_IRQ0;
    if (irqchip_spurious(irq))
        return;
    /* Acknowledge first: a handler may switch to another process and not
     * come back here for a long time. */
    irqchip_eoi(irq);
    if (traps[tf->trapno].handler)
        traps[tf->trapno].handler(tf);
}

/*
 * Every trap enters with interrupts off (interrupt gates). A device or
 * IPI handler keeps them off: it is short, and takes only locks that
 * disable interrupts anyway. Any other trap (a system call, a fault) runs
 * with interrupts on if the code it interrupted had them on: user code
 * always, the kernel whenever it held no spinlock. So a long system call
 * loses no timer tick; it is still never preempted (sched_trap_exit).
 */
void trap(struct trapframe *tf)
{
    if (tf->trapno >= T_IRQ0 && tf->trapno < T_IRQ0 + 16) {
        handle_irq(tf);
        sched_trap_exit(tf);
        return;
    }
    bool device = tf->trapno >= LAPIC_FIRST_VECTOR;     /* the local APIC's */
    if (!device && (tf->eflags & FL_IF))
        arch_irq_enable();
    if (tf->eflags & FL_VM)        /* see trap_from_user: not supported */
        proc_fault_fatal(tf, SIGSEGV, "virtual-8086 mode", tf->eip);
    else if (traps[tf->trapno].handler)
        traps[tf->trapno].handler(tf);
    else if (trap_from_user(tf))        /* a user program's fault: its signal */
        proc_fault(tf, fault_signal(tf->trapno), trap_name((int)tf->trapno), tf->eip);
    else
        panic_trap(tf, "unhandled trap %u (%s) in kernel mode", tf->trapno,
                   trap_name((int)tf->trapno));
    /* Back to user mode: the place to die, stop, or be preempted. */
    sched_trap_exit(tf);
}
