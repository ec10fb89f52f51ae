/*
 * Bringing up the CPUs (docs/concurrency.md, "How a CPU starts"):
 *
 *   arch_init_smp()      once, on the boot CPU, after paging: reads the MADT
 *                   (or MP table), switches device interrupts from the
 *                   8259 to the I/O APIC, enables the boot CPU's local
 *                   APIC. Without either table: one CPU and the 8259.
 *   arch_start_cpus() once the clock ticks: starts each other CPU with
 *                   INIT-SIPI-SIPI through the real-mode trampoline
 *                   (trampoline.S) and waits for it to say it is up.
 *
 * Each application processor (AP) loads its own GDT and TSS, the shared
 * IDT and its local APIC, turns on its FPU, announces itself ("cpuN: up"),
 * starts its local APIC timer (calibrated by the boot CPU against the
 * PIT) and becomes its idle process: it schedules like the boot CPU.
 */
#ifndef ARCH_X86_SMP_H
#define ARCH_X86_SMP_H

/* Where the trampoline is copied (below 1 MiB, page aligned: a start-up
 * IPI names a page). The frame allocator never hands out the low 1 MiB. */
#define TRAMPOLINE_PHYS 0x8000

#ifndef __ASSEMBLER__
struct cpu;

/* arch_init_smp() and arch_start_cpus() are declared in arch/arch.h. */
/* C entry of an AP, on its own stack, called by the trampoline. */
void smp_ap_main(struct cpu *c) __attribute__((noreturn));
#endif

#endif
