/*
 * The A20 line. With it off, the CPU forces address bit 20 to 0 (an
 * 8086 compatibility trick), so 0x100000 + X aliases X and every odd MiB
 * is unreachable: a kernel loaded at 1 MiB would land on top of our own
 * code. We test it, and if it is off we try the two usual switches:
 *   1. "fast A20": bit 1 of system control port A (port 0x92);
 *   2. the 8042 keyboard controller's output port, bit 1 (command 0xD1).
 * Each attempt is checked; if neither works we say so and stop.
 */
#include "stage2.h"

#define PORT_A          0x92
#define PORT_A_A20      0x02
#define PORT_A_RESET    0x01    /* writing 1 here resets the machine: never */
#define KBC_DATA        0x60
#define KBC_CMD         0x64    /* write: command; read: status */
#define KBC_IBF         0x02    /* input buffer full: not ready for a byte */
#define KBC_WRITE_OUT   0xD1    /* next data byte goes to the output port */
#define KBC_OUT_A20_ON  0xDF    /* output port: A20 on, reset line inactive */
#define KBC_OUT_A20_OFF 0xDD

static volatile uint32_t probe;

/* Writes two different values 1 MiB apart: with A20 off they are the
 * same memory word and the second write overwrites the first. */
static bool a20_is_on(void)
{
    volatile uint32_t *low = &probe;
    volatile uint32_t *high = (volatile uint32_t *)((uintptr_t)&probe + 0x100000);
    *low = 0x0A20CAFE;
    *high = ~0x0A20CAFEu;
    return *low == 0x0A20CAFE;
}

/* A20 may take a moment to change after the keyboard controller is told. */
static bool a20_settles_on(void)
{
    for (int i = 0; i < 100000; i++)
        if (a20_is_on())
            return true;
    return false;
}

static void set_port_a(bool on)
{
    uint8_t v = inb(PORT_A) & ~PORT_A_RESET;
    outb(PORT_A, on ? v | PORT_A_A20 : v & ~PORT_A_A20);
}

static bool kbc_wait_ready(void)
{
    for (int i = 0; i < 100000; i++)
        if (!(inb(KBC_CMD) & KBC_IBF))
            return true;
    return false;
}

static bool set_kbc(bool on)
{
    if (!kbc_wait_ready())
        return false;
    outb(KBC_CMD, KBC_WRITE_OUT);
    if (!kbc_wait_ready())
        return false;
    outb(KBC_DATA, on ? KBC_OUT_A20_ON : KBC_OUT_A20_OFF);
    return kbc_wait_ready();
}

/* Test hook: start from A20 off, so the enabling code really runs. */
static void a20_force_off(void)
{
    set_port_a(false);
    set_kbc(false);
    if (a20_is_on())
        fatal("test hook: could not switch A20 off");
    bprintf("boot: test hook: A20 switched off\n");
}

void a20_enable(uint32_t hooks)
{
    if (hooks & (BOOT_HOOK_A20_OFF | BOOT_HOOK_A20_KBC))
        a20_force_off();
    if (a20_is_on()) {
        bprintf("boot: A20 already enabled\n");
        return;
    }
    if (!(hooks & BOOT_HOOK_A20_KBC)) {
        set_port_a(true);
        if (a20_settles_on()) {
            bprintf("boot: A20 enabled with port 0x92 (fast A20)\n");
            return;
        }
    }
    if (set_kbc(true) && a20_settles_on()) {
        bprintf("boot: A20 enabled with the keyboard controller\n");
        return;
    }
    fatal("cannot enable the A20 line (tried port 0x92 and the keyboard controller)");
}
