/*
 * CPU and interrupt-controller bring-up (see smp.h for the order). The
 * boot log it writes, in formats the tests rely on:
 *
 *   smp: ACPI MADT lists 2 CPUs; local APIC at 0xfee00000, I/O APIC at 0xfec00000
 *   smp: ISA IRQ 0 arrives on GSI 2
 *   cpu1: up (apic id 1)                            (printed by the AP)
 *   smp: cpu2 (apic id 2) did not start; going on without it
 *   smp: 2 CPUs up (apic ids 0 1)
 *
 * or, with neither table (or smp=off): "smp: one CPU, 8259 interrupt
 * controller (...)".
 */
#include "arch/x86/smp.h"

#include "arch/arch.h"
#include "arch/x86/firmware.h"
#include "arch/x86/gdt.h"
#include "arch/x86/ioapic.h"
#include "arch/x86/irqchip.h"
#include "arch/x86/lapic.h"
#include "arch/x86/paging.h"
#include "arch/x86/pit.h"
#include "arch/x86/trap.h"
#include "core/clock.h"
#include "core/cmdline.h"
#include "core/cpu.h"
#include "core/kprintf.h"
#include "lib/string.h"
#include "mm/memlayout.h"
#include "proc/proc.h"
#include "proc/sched.h"

BOOT_PARAM(smp, "smp=acpi|mp|off: find the CPUs in ACPI's MADT, then the MP tables "
                "(acpi, the default), in the MP tables only (mp), or run one CPU on the 8259 (off)");
BOOT_PARAM(smp_hold, "smp_hold=APICID: never send that CPU its start-up IPIs "
                     "(tests that boot goes on without a CPU that does not start)");

#define AP_STACK_SIZE    4096
#define INIT_DELAY_MS    10     /* INIT to first start-up IPI (MP spec B.4) */
#define STARTUP_DELAY_MS 1      /* between start-up IPIs: at least 200 us */
#define START_TIMEOUT_MS 100    /* an AP that has not said "up" by then never will */
#define CALIBRATE_SAMPLES 5     /* samples of the local APIC timer (odd) */
#define CALIBRATE_MS     20     /* each this long: a delay in reading is a small part */

extern char trampoline_start[], trampoline_end[], trampoline_stack[], trampoline_cpu[];

static struct fw_config fw;     /* what the firmware said; boot CPU only */
static char ap_stacks[NCPU][AP_STACK_SIZE] __attribute__((aligned(16)));
static uint32_t timer_count;    /* local APIC timer counts per tick; boot CPU sets */

static bool read_firmware(void)
{
    const char *how = cmdline_get("smp");
    if (how && strcmp(how, "off") == 0)
        return false;
    if (!(how && strcmp(how, "mp") == 0) && acpi_read_madt(&fw))
        return true;
    memset(&fw, 0, sizeof fw);
    return mp_read_table(&fw);
}

/* Nothing to do, and no EOI: the local APIC did not mark it in service. */
static void spurious_interrupt(struct trapframe *tf)
{
    (void)tf;
}

/* An AP's timer: preempts what runs there; the clock is the boot CPU's. */
static void lapic_timer_interrupt(struct trapframe *tf)
{
    (void)tf;
    lapic_eoi();
    sched_clock_tick();
}

/* Another CPU asked this one to reschedule (or to notice a kill): the
 * work happens on the way out of the trap (sched_trap_exit), or in the
 * idle loop this interrupt wakes. */
static void resched_interrupt(struct trapframe *tf)
{
    (void)tf;
    lapic_eoi();
}

void arch_send_resched(int cpu)
{
    lapic_send_ipi(cpus[cpu].apic_id, RESCHED_VECTOR);
}

static void use_apics(void)
{
    lapic_init();
    cpus[0].apic_id = lapic_id();
    ioapic_init(fw.ioapic_phys, fw.ioapic_gsi_base);
    for (int i = 0; i < fw.noverrides; i++)
        ioapic_set_isa(fw.overrides[i].irq, fw.overrides[i].gsi, fw.overrides[i].flags);
    trap_register(LAPIC_SPURIOUS_VECTOR, spurious_interrupt, "APIC spurious");
    trap_register(LAPIC_TIMER_VECTOR, lapic_timer_interrupt, "APIC timer");
    trap_register(RESCHED_VECTOR, resched_interrupt, "reschedule IPI");
    irqchip_use_apic(cpus[0].apic_id);
}

void arch_init_smp(void)
{
    bool found = read_firmware();
    if (found && fw.have_ioapic)
        lapic_map(fw.lapic_phys);
    if (!found || !fw.have_ioapic || !lapic_present()) {
        kprintf("smp: one CPU, 8259 interrupt controller (%s)\n",
                !found ? "no MADT or MP table, or smp=off" : "no usable APICs listed");
        return;
    }
    kprintf("smp: %s lists %d CPU%s; local APIC at 0x%x, I/O APIC at 0x%x\n", fw.source,
            fw.ncpu_listed, fw.ncpu_listed == 1 ? "" : "s", fw.lapic_phys, fw.ioapic_phys);
    if (fw.ncpu_listed > NCPU)
        kprintf("smp: this kernel runs at most %d CPUs (NCPU); the rest stay off\n", NCPU);
    use_apics();
    ioapic_print_overrides();
}

/* Waits at least ms milliseconds (a tick may be partly gone already). */
static void wait_ms(uint32_t ms)
{
    uint32_t n = (ms * HZ + 999) / 1000 + 1;
    uint32_t start = clock_ticks();
    while (clock_ticks() - start < n)
        arch_idle();
}

static void *in_trampoline(char *sym)
{
    return (char *)P2V(TRAMPOLINE_PHYS) + (sym - trampoline_start);
}

/* INIT, then start-up IPIs until the AP says it is up (MP spec B.4). */
static bool start_ap(struct cpu *c)
{
    *(uint32_t *)in_trampoline(trampoline_stack) = (uint32_t)(ap_stacks[c->id] + AP_STACK_SIZE);
    *(struct cpu **)in_trampoline(trampoline_cpu) = c;
    lapic_send_init(c->apic_id);
    wait_ms(INIT_DELAY_MS);
    bool hold = cmdline_get_int("smp_hold", -1) == c->apic_id;
    for (int i = 0; i < 2 && !hold && !c->started; i++) {
        lapic_send_startup(c->apic_id, TRAMPOLINE_PHYS);
        wait_ms(STARTUP_DELAY_MS);
    }
    uint32_t start = clock_ticks();
    while (!c->started && clock_ticks() - start < START_TIMEOUT_MS * HZ / 1000)
        arch_idle();
    if (!c->started)
        lapic_send_init(c->apic_id);    /* back to waiting: it must not wake later */
    return c->started;
}

/* How far the local APIC timer counts in one tick, measured on the boot
 * CPU (every CPU's timer runs at the bus clock) against the PIT's channel
 * 2, polled: the median of CALIBRATE_SAMPLES intervals of CALIBRATE_MS. Polling
 * a second clock, rather than counting the PIT's interrupts, keeps a busy
 * host (a QEMU CPU thread descheduled for a while, interrupts merged)
 * from skewing every AP's tick; the median drops a sample it stretched. */
static void calibrate_timer(void)
{
    uint32_t sample[CALIBRATE_SAMPLES];
    lapic_timer_free_run();
    for (int i = 0; i < CALIBRATE_SAMPLES; i++) {
        pit_oneshot_start(CALIBRATE_MS * 1000);
        uint32_t start = lapic_timer_count();
        while (!pit_oneshot_done())
            arch_cpu_relax();
        sample[i] = start - lapic_timer_count();
        for (int j = i; j > 0 && sample[j - 1] > sample[j]; j--) {     /* insertion sort */
            uint32_t tmp = sample[j];
            sample[j] = sample[j - 1];
            sample[j - 1] = tmp;
        }
    }
    timer_count = (uint32_t)((uint64_t)sample[CALIBRATE_SAMPLES / 2] * 1000 / (CALIBRATE_MS * HZ));
    lapic_timer_stop();                 /* the boot CPU's clock is the PIT's channel 0 */
}

static void print_cpus_up(void)
{
    kprintf("smp: %d CPU%s up (apic ids", ncpu, ncpu == 1 ? "" : "s");
    for (int i = 0; i < ncpu; i++)
        kprintf(" %d", cpus[i].apic_id);
    kprintf(")\n");
}

void arch_start_cpus(void)
{
    if (!irqchip_apic()) {
        print_cpus_up();
        return;
    }
    memmove(P2V(TRAMPOLINE_PHYS), trampoline_start, (size_t)(trampoline_end - trampoline_start));
    if (fw.ncpu_listed > 1)
        calibrate_timer();
    int listed = fw.ncpu_listed < NCPU ? fw.ncpu_listed : NCPU;
    for (int i = 0; i < listed; i++) {
        if (fw.apic_ids[i] == cpus[0].apic_id)
            continue;
        struct cpu *c = &cpus[ncpu];
        c->id = ncpu;
        c->apic_id = fw.apic_ids[i];
        if (start_ap(c))
            ncpu++;
        else
            kprintf("smp: cpu%d (apic id %d) did not start; going on without it\n",
                    c->id, c->apic_id);
    }
    print_cpus_up();
}

void smp_ap_main(struct cpu *c)
{
    write_cr3(V2P(kernel_pgdir));       /* leave boot_pgdir's low identity map */
    gdt_init(c);
    trap_init_cpu();
    lapic_init();
    fpu_init_cpu();
    kprintf("cpu%d: up (apic id %d)\n", c->id, c->apic_id);
    lapic_timer_periodic(timer_count, LAPIC_TIMER_VECTOR);
    c->started = true;
    proc_idle_cpu(ap_stacks[c->id]);    /* becomes this CPU's idle process */
}
