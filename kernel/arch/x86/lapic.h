/*
 * The local APIC: each CPU's own interrupt controller, at the same
 * physical address on every CPU (each CPU sees its own). It accepts the
 * interrupts the I/O APIC routes to this CPU (an EOI tells it the handler
 * is done) and sends inter-processor interrupts (IPIs), such as the INIT
 * and start-up IPIs that wake the other CPUs.
 */
#ifndef ARCH_X86_LAPIC_H
#define ARCH_X86_LAPIC_H

#include <stdbool.h>
#include <stdint.h>

/* A spurious interrupt from the local APIC arrives on this vector; the
 * low four bits must be 1 on older CPUs. It needs no EOI. */
#define LAPIC_SPURIOUS_VECTOR 0xFF
/* Each application processor's timer (preemption only: the boot CPU's
 * PIT advances the clock), and the reschedule IPI (sched.c's wakeups,
 * kills and affinity changes on another CPU). */
#define LAPIC_TIMER_VECTOR    0xF0
#define RESCHED_VECTOR        0xF1
/* Every vector from here up (timer, IPIs, spurious) is the local APIC's. */
#define LAPIC_FIRST_VECTOR    0xF0

/* Maps the registers (physical address from the MADT or MP table). */
void lapic_map(uint32_t phys);
bool lapic_present(void);
/* Enables the calling CPU's local APIC; LINT0 (the 8259's line) masked. */
void lapic_init(void);
int lapic_id(void);
void lapic_eoi(void);
/* The start-up protocol: INIT resets the CPU into wait-for-SIPI; a
 * start-up IPI makes it run real-mode code at page `page` (< 1 MiB). */
void lapic_send_init(int apic_id);
/* An ordinary interrupt on `vector` to the CPU with that APIC id. */
void lapic_send_ipi(int apic_id, int vector);
/* The timer: counts down at a rate only measurement tells (smp.c
 * calibrates it against the PIT); periodic mode interrupts on `vector`
 * each time the count runs out, and starts again from `count`. */
void lapic_timer_free_run(void);
uint32_t lapic_timer_count(void);
void lapic_timer_periodic(uint32_t count, int vector);
void lapic_timer_stop(void);
void lapic_send_startup(int apic_id, uint32_t page);

#endif
