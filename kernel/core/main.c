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
#include "mm/memlayout.h"
#include "mm/memory.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/syscall.h"

#define BANNER "Orchard teaching kernel 0.1 (i386)"

BOOT_PARAM(run, "run=HEX or run=@N: init runs `sh -c` on this hex-encoded command, "
                "or on the text of boot module N, then powers off (make run uses @1)");
BOOT_PARAM(icount, "the machine counts instructions (QEMU -icount shift=0): report the kernel's boot cost (make bench)");

void kmain(uint32_t magic, uint32_t info_phys) __attribute__((noreturn));

/* make run's command; exec takes at most MAXARGLEN bytes of arguments. */
static char run_cmd[4096 - 16];

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* run=HEX into run_cmd; returns why it cannot, or NULL. */
static const char *run_from_hex(const char *hex)
{
    size_t n = 0;
    for (; hex[0]; hex += 2) {
        int hi = hexval(hex[0]), lo = hex[1] ? hexval(hex[1]) : -1;
        if (hi < 0 || lo < 0)
            return "run= is not a hex string";
        if (n + 1 == sizeof run_cmd)
            return "the command is too long";
        run_cmd[n++] = (char)(hi << 4 | lo);
    }
    run_cmd[n] = '\0';
    return 0;
}

/* run=@N: boot module N's bytes into run_cmd; returns why it cannot, or NULL. */
static const char *run_from_module(const char *index)
{
    int i;
    if (!cmdline_parse_int(index, &i) || i < 0 || i >= bootinfo.nmodules)
        return "run=@N names no boot module";
    const struct boot_module *m = &bootinfo.modules[i];
    size_t len = m->end - m->start;
    if (len + 1 > sizeof run_cmd)
        return "the command is too long";
    memcpy(run_cmd, P2V(m->start), len);
    run_cmd[len] = '\0';
    if (strlen(run_cmd) != len)
        return "the command holds a NUL byte";
    return 0;
}

/*
 * init's argv: "init", or "init -c CMD" for make run. A command the kernel
 * cannot take whole (a cut command line may have cut run= or dropped the
 * options after it) is refused: the machine powers off with status 125
 * rather than run part of it.
 */
static char **init_arguments(void)
{
    static char *argv[4] = { "init", 0, 0, 0 };
    const char *v = cmdline_get("run");
    if (!v)
        return argv;
    const char *why = cmdline_truncated() ? "the kernel command line was cut"
                      : v[0] == '@' ? run_from_module(v + 1) : run_from_hex(v);
    if (why) {
        kprintf("run: %s; refusing to run any of the command\n", why);
        arch_poweroff(125);
    }
    argv[1] = "-c";
    argv[2] = run_cmd;
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
