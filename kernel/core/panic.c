/* panic(), ASSERT's report, and the end of the machine. */
#include "core/panic.h"

#include <stdarg.h>

#include "arch/arch.h"
#include "core/cmdline.h"
#include "core/kprintf.h"
#include "dev/console.h"

BOOT_PARAM(poweroff, "power the machine off at a panic or fatal error (tests)");

static volatile int panicking;

void kernel_stop(int status)
{
    kprintf("kernel: %s.\n", cmdline_has("poweroff") ? "powering off" : "halted");
    if (cmdline_has("poweroff"))
        arch_poweroff(status);
    arch_halt();
}

void panic_at(const char *file, int line, const struct trapframe *tf, const char *fmt, ...)
{
    arch_irq_disable();
    if (panicking++) {
        /* A panic while panicking: print as little as possible and stop. */
        if (panicking == 2)
            kprintf("\npanic: recursive panic at %s:%d\n", file, line);
        arch_halt();
    }
    console_unlock_for_panic();
    kprintf("\npanic: ");
    va_list ap;
    va_start(ap, fmt);
    vkprintf(fmt, ap);
    va_end(ap);
    kprintf("\n  at %s:%d\n", file, line);
    if (tf)
        arch_print_trap(tf);
    else
        arch_backtrace_here();
    kernel_stop(3);
}
