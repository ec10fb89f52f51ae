/*
 * Page faults. From user mode, the address space gets a chance to resolve
 * the fault (copy-on-write, first touch of heap or stack); if it cannot,
 * the process is killed with its one-line report. From kernel mode a page
 * fault is a kernel bug (user memory is only ever reached through
 * copyin/copyout, which never fault): panic.
 */
#include "arch/x86/trap.h"
#include "arch/x86/x86.h"
#include "core/panic.h"
#include "mm/vm.h"
#include "proc/proc.h"

#define PF_WRITE 0x2            /* error code: the access was a write */

static void page_fault(struct trapframe *tf)
{
    uint32_t va = read_cr2();
    if (!(tf->cs & 3))
        panic_trap(tf, "unhandled trap %u (%s) in kernel mode", tf->trapno, trap_name(T_PGFLT));
    int r = vm_fault(current_proc()->as, va, tf->err & PF_WRITE);
    if (r == -2)
        proc_fault(tf, "out of memory", va);
    if (r < 0)
        proc_fault(tf, tf->err & PF_WRITE ? "page fault (write)" : "page fault (read)", va);
}

void fault_init(void)
{
    trap_register(T_PGFLT, page_fault, "page fault");
}
