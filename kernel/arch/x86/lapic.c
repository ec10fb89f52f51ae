/*
 * The local APIC's registers (Intel SDM vol. 3, chapter "Advanced
 * Programmable Interrupt Controller"): 32-bit registers 16 bytes apart in
 * one uncached page, mapped by lapic_map().
 */
#include "arch/x86/lapic.h"

#include "arch/x86/paging.h"
#include "core/panic.h"

#define REG_ID       0x020      /* bits 24-31: this CPU's APIC id */
#define REG_TPR      0x080      /* task priority: 0 accepts every vector */
#define REG_EOI      0x0B0
#define REG_SVR      0x0F0      /* spurious vector, bit 8 = APIC enabled */
#define REG_ESR      0x280      /* error status */
#define REG_ICR_LO   0x300      /* interrupt command: writing it sends */
#define REG_ICR_HI   0x310      /* bits 24-31: destination APIC id */
#define REG_LVT_TIMER 0x320
#define REG_LVT_LINT0 0x350
#define REG_LVT_ERROR 0x370
#define REG_TIMER_INIT 0x380    /* initial count: writing it starts the timer */
#define REG_TIMER_CUR  0x390    /* current count, counting down */
#define REG_TIMER_DIV  0x3E0

#define SVR_ENABLE       0x100
#define LVT_MASKED       0x10000
#define ICR_INIT         0x500
#define ICR_STARTUP      0x600
#define ICR_PENDING      0x1000  /* delivery status: not yet accepted */
#define ICR_ASSERT       0x4000
#define ICR_FIXED        0x000   /* an ordinary interrupt, on the vector given */
#define LVT_PERIODIC     0x20000
#define TIMER_DIV_16     0x3     /* the timer counts at the bus clock / 16 */

static volatile uint32_t *regs;

static uint32_t rd(uint32_t reg) { return regs[reg / 4]; }
static void wr(uint32_t reg, uint32_t v) { regs[reg / 4] = v; }

void lapic_map(uint32_t phys)
{
    regs = paging_map_device(phys);
}

bool lapic_present(void)
{
    return regs != 0;
}

void lapic_init(void)
{
    ASSERT(regs);
    wr(REG_SVR, SVR_ENABLE | LAPIC_SPURIOUS_VECTOR);
    wr(REG_LVT_TIMER, LVT_MASKED);
    wr(REG_LVT_LINT0, LVT_MASKED);   /* device IRQs come from the I/O APIC */
    wr(REG_LVT_ERROR, LVT_MASKED);
    wr(REG_ESR, 0);                  /* the register latches on a write */
    wr(REG_ESR, 0);
    wr(REG_TPR, 0);
    wr(REG_EOI, 0);                  /* anything left in service by the BIOS */
}

int lapic_id(void)
{
    return (int)(rd(REG_ID) >> 24);
}

void lapic_eoi(void)
{
    wr(REG_EOI, 0);
}

static void send_ipi(int apic_id, uint32_t command)
{
    wr(REG_ICR_HI, (uint32_t)apic_id << 24);
    wr(REG_ICR_LO, command);
    while (rd(REG_ICR_LO) & ICR_PENDING)
        __asm__ volatile("pause");
}

void lapic_send_init(int apic_id)
{
    send_ipi(apic_id, ICR_INIT | ICR_ASSERT);
}

void lapic_send_startup(int apic_id, uint32_t page)
{
    ASSERT(page < 0x100000 && (page & 0xFFF) == 0);
    send_ipi(apic_id, ICR_STARTUP | ICR_ASSERT | (page >> 12));
}

void lapic_send_ipi(int apic_id, int vector)
{
    ASSERT(vector >= 32 && vector < 256);
    send_ipi(apic_id, ICR_FIXED | ICR_ASSERT | (uint32_t)vector);
}

/* Starts the timer counting down from the largest count, masked: the
 * boot CPU reads how far it got in a known time (smp.c calibrates). */
void lapic_timer_free_run(void)
{
    wr(REG_TIMER_DIV, TIMER_DIV_16);
    wr(REG_LVT_TIMER, LVT_MASKED);
    wr(REG_TIMER_INIT, 0xFFFFFFFFu);
}

uint32_t lapic_timer_count(void)
{
    return rd(REG_TIMER_CUR);
}

void lapic_timer_periodic(uint32_t count, int vector)
{
    ASSERT(count > 0);
    wr(REG_TIMER_DIV, TIMER_DIV_16);
    wr(REG_LVT_TIMER, LVT_PERIODIC | (uint32_t)vector);
    wr(REG_TIMER_INIT, count);
}

void lapic_timer_stop(void)
{
    wr(REG_LVT_TIMER, LVT_MASKED);
    wr(REG_TIMER_INIT, 0);
}
