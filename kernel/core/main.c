/*
 * kmain: the C entry point, called from arch/x86/entry.S with paging on,
 * on the boot stack, interrupts off. Brings the subsystems up in
 * dependency order, starts the first process (/bin/init), and becomes
 * this CPU's idle process.
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
#include "fs/vfs.h"
#include "lib/string.h"
#include "mm/kheap.h"
#include "mm/memory.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/syscall.h"

#define BANNER "Orchard teaching kernel 0.1 (i386)"

BOOT_PARAM(run, "run=HEX: init runs `sh -c` on this hex-encoded command, then powers off (make run)");
BOOT_PARAM(icount, "the machine counts instructions (QEMU -icount shift=0): report the kernel's boot cost (make bench)");

void kmain(uint32_t magic, uint32_t info_phys) __attribute__((noreturn));

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* init's argv: "init", or "init -c CMD" for make run. */
static char **init_arguments(void)
{
    static char *argv[4] = { "init", 0, 0, 0 };
    static char cmd[CMDLINE_MAX_LEN / 2];
    const char *hex = cmdline_get("run");
    if (!hex)
        return argv;
    size_t n = 0;
    for (; hex[0] && hex[1] && n + 1 < sizeof cmd; hex += 2) {
        int hi = hexval(hex[0]), lo = hexval(hex[1]);
        if (hi < 0 || lo < 0)
            break;
        cmd[n++] = (char)(hi << 4 | lo);
    }
    cmd[n] = '\0';
    argv[1] = "-c";
    argv[2] = cmd;
    console_set_batch(true);        /* no echo; stdin at EOF once ^D arrives */
    return argv;
}

/* tsc_start: under QEMU -icount the TSC counts instructions, so make bench
 * (which boots with `icount`) reports the kernel's share of the boot from
 * it. Elsewhere the TSC counts cycles at a rate nobody controls, and the
 * figure would mean nothing: it is not printed. */
void kmain(uint32_t magic, uint32_t info_phys)
{
    arch_init_cpu();                        /* first: this_cpu() needs it, locks need this_cpu() */
    console_init();
    uint64_t tsc_start = arch_timestamp();
    const char *cmdline = bootinfo_load(magic, info_phys);
    cmdline_init(cmdline);
    klog_init();
    kprintf("%s\n", BANNER);
    kprintf("cmdline: %s\n", cmdline_raw());
    cmdline_report_unknown();
    char **init_argv = init_arguments();    /* before input can arrive */

    memory_init();
    arch_init_smp();
    arch_init_timer(HZ);
    keyboard_init();
    serial_enable_input();
    syscall_init();
    vfs_init();
    proc_init();
    arch_irq_enable();
    kprintf("clock: %u Hz timer running\n", HZ);
    arch_start_cpus();

    selftest_run(cmdline_get("test"));
    if (cmdline_has("icount"))
        kprintf("boot: %llu instructions in the kernel before init\n", arch_timestamp() - tsc_start);
    proc_start_init(init_argv);
    sched_idle_loop();
}
