/*
 * Machine-level hooks of arch/arch.h: CPU set-up, power off, halt, and
 * printing a trap's registers with a backtrace.
 */
#include "arch/arch.h"

#include "arch/x86/gdt.h"
#include "arch/x86/paging.h"
#include "arch/x86/pic.h"
#include "arch/x86/trap.h"
#include "arch/x86/x86.h"
#include "core/cpu.h"
#include "core/kprintf.h"
#include "core/ksyms.h"
#include "mm/memlayout.h"

#define DEBUG_EXIT_PORT 0xF4    /* QEMU -device isa-debug-exit,iobase=0xf4 */
#define ACPI_PM1A_CNT   0x604   /* QEMU i440fx PIIX4 PM control (SeaBIOS) */
#define ACPI_SLP_EN_S5  0x2000

void arch_init_cpu(void)
{
    gdt_init(&cpus[0]);
    trap_init();
    fault_init();
    pic_init();
    arch_init_fpu();
}

void arch_poweroff(int status)
{
    cli();
    /* isa-debug-exit makes QEMU exit with (status << 1) | 1; without the
     * device the write is ignored and ACPI S5 powers off instead. */
    outl(DEBUG_EXIT_PORT, (uint32_t)status);
    outw(ACPI_PM1A_CNT, ACPI_SLP_EN_S5);
    arch_halt();
}

void arch_halt(void)
{
    for (;;) {
        cli();
        hlt();
    }
}

/* Readable kernel memory a frame pointer may point into: the direct map,
 * or a kernel stack (not its guard page). */
static bool kernel_address(uint32_t a)
{
    if (a >= KSTACKS_BASE && a < KSTACKS_END)
        return paging_kstack_mapped(a) && paging_kstack_mapped(a + 7);
    return a >= (uint32_t)__kernel_start && a < KERN_DIRECT_END;
}

/* Walks the chain of saved frame pointers: [ebp] is the caller's ebp,
 * [ebp + 4] the return address. Stops at ebp 0 (entry.S) or garbage. */
static void backtrace_from(uint32_t ebp)
{
    for (int depth = 0; depth < 20 && ebp && !(ebp & 3) && kernel_address(ebp); depth++) {
        uint32_t ret = ((uint32_t *)ebp)[1];
        if (!ret)
            break;
        kprintf("  #%d ", depth);
        ksyms_print(ret - 1);   /* the call, not the next instruction */
        kprintf("\n");
        ebp = ((uint32_t *)ebp)[0];
    }
}

void arch_backtrace_here(void)
{
    kprintf("backtrace:\n");
    backtrace_from(read_ebp());
}

void arch_print_trap(const struct trapframe *tf)
{
    bool user = trap_from_user(tf);
    kprintf("trap %u (%s), error code %x, %s mode\n", tf->trapno,
            trap_name((int)tf->trapno), tf->err, user ? "user" : "kernel");
    kprintf("  eip %08x  eflags %08x  cs %04x  cr2 %08x  cr3 %08x\n",
            tf->eip, tf->eflags, tf->cs, read_cr2(), read_cr3());
    kprintf("  eax %08x  ebx %08x  ecx %08x  edx %08x\n", tf->eax, tf->ebx, tf->ecx, tf->edx);
    kprintf("  esi %08x  edi %08x  ebp %08x  esp %08x\n", tf->esi, tf->edi, tf->ebp,
            user ? tf->esp : (uint32_t)&tf->esp);
    if (user)
        return;
    kprintf("backtrace:\n  at ");
    ksyms_print(tf->eip);
    kprintf("\n");
    backtrace_from(tf->ebp);
}
