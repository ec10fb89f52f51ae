/*
 * kmain: the C entry point, called from arch/x86/entry.S with paging on,
 * on the boot stack, interrupts off. Brings the subsystems up in
 * dependency order, then idles (the processes issue starts init here).
 */
#include <stdint.h>

#include "arch/arch.h"
#include "core/bootinfo.h"
#include "core/clock.h"
#include "core/cmdline.h"
#include "core/kprintf.h"
#include "core/selftest.h"
#include "dev/console.h"
#include "dev/keyboard.h"
#include "dev/serial.h"
#include "mm/frame.h"
#include "mm/memory.h"

#define BANNER "Orchard teaching kernel 0.1 (i386)"

void kmain(uint32_t magic, uint32_t info_phys) __attribute__((noreturn));

void kmain(uint32_t magic, uint32_t info_phys)
{
    console_init();
    const char *cmdline = bootinfo_load(magic, info_phys);
    cmdline_init(cmdline);
    kprintf("%s\n", BANNER);
    kprintf("cmdline: %s\n", cmdline_raw());
    cmdline_report_unknown();

    arch_init_cpu();
    memory_init();
    arch_init_timer(HZ);
    keyboard_init();
    serial_enable_input();
    arch_irq_enable();
    kprintf("clock: %u Hz timer running\n", HZ);

    selftest_run(cmdline_get("test"));
    kprintf("kernel: boot complete; idle\n");
    for (;;)
        arch_idle();
}
