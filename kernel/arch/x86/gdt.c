/*
 * The global descriptor table: flat 4 GiB code and data segments for
 * ring 0 and ring 3 (paging, not segmentation, protects memory) and the
 * task-state segment, which the CPU reads for one thing only: the kernel
 * stack (ss0:esp0) to switch to when a trap arrives from ring 3.
 *
 * Each CPU has its own GDT and TSS: its own kernel stack for traps (the
 * TSS), and its own per-CPU segment (GDT_KCPU), whose base is its struct
 * cpu. The selectors are the same on every CPU; the table each CPU
 * loaded decides what they mean there, which is what makes this_cpu()
 * one instruction (core/cpu.h).
 *
 * The TSS's I/O-map base points past its limit, so there is no I/O
 * permission bitmap and, with IOPL 0, every port is closed to ring 3.
 *
 * A second TSS per CPU is a task of its own for one exception: the double
 * fault. A kernel stack overflow runs into the unmapped guard page below
 * the stack; the page fault cannot push its frame there either, and that
 * second fault is a double fault. An ordinary handler would need the same
 * broken stack (a third fault resets the machine); the CPU enters a task
 * through its task gate (trap.c) by loading that task's registers, its
 * own stack included, and saves the broken ones in the CPU's TSS, where
 * the handler reads them (tss_interrupted).
 */
#include "arch/x86/gdt.h"

#include "arch/x86/mmu.h"
#include "arch/x86/paging.h"
#include "arch/x86/x86.h"
#include "core/cpu.h"
#include "mm/memlayout.h"

struct segdesc {
    uint16_t limit_lo;
    uint16_t base_lo;
    uint8_t base_mid;
    uint8_t access;             /* present | DPL | S | type */
    uint8_t flags_limit_hi;     /* G | D/B | 0 | AVL | limit 19:16 */
    uint8_t base_hi;
} __attribute__((packed));

/* The 32-bit TSS layout (SDM vol. 3, 7.2.1). */
struct tss {
    uint32_t link;
    uint32_t esp0, ss0;
    uint32_t esp1, ss1, esp2, ss2;
    uint32_t cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint32_t es, cs, ss, ds, fs, gs, ldt;
    uint16_t trap;
    uint16_t iomap_base;
} __attribute__((packed));

#define ACC_CODE  0x9A          /* present, ring 0, code, readable */
#define ACC_DATA  0x92          /* present, ring 0, data, writable */
#define ACC_TSS   0x89          /* present, ring 0, 32-bit TSS (available) */
#define ACC_DPL3  0x60
#define FLAGS_4K_32BIT 0xC      /* 4 KiB granularity, 32-bit */

/* Row i belongs to cpus[i]; only that CPU writes it, after gdt_init. */
static struct segdesc gdt[NCPU][GDT_NSLOTS];
static struct tss tss[NCPU];
static struct tss df_tss[NCPU];         /* the double-fault task */
static char df_stack[NCPU][4096] __attribute__((aligned(16)));

static struct segdesc segment(uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
    return (struct segdesc){
        .limit_lo = limit & 0xFFFF,
        .base_lo = base & 0xFFFF,
        .base_mid = (base >> 16) & 0xFF,
        .access = access,
        .flags_limit_hi = (uint8_t)((flags << 4) | ((limit >> 16) & 0xF)),
        .base_hi = base >> 24,
    };
}

/* The double-fault task starts afresh each time (nothing returns to it):
 * interrupts off, kernel segments, this CPU's per-CPU segment, its own
 * stack, the kernel's page directory. */
static void df_task_init(struct tss *t, char *stack_top)
{
    *t = (struct tss){
        .eip = (uint32_t)double_fault_task,
        .esp = (uint32_t)stack_top,
        .eflags = 0x2,                  /* bit 1 is always set; IF clear */
        .cr3 = V2P(kernel_pgdir),
        .cs = SEL_KCODE,
        .ss = SEL_KDATA, .ds = SEL_KDATA, .es = SEL_KDATA, .fs = SEL_KDATA,
        .gs = SEL_KCPU,
        .iomap_base = sizeof *t,
    };
}

void gdt_init(struct cpu *c)
{
    struct segdesc *g = gdt[c->id];
    struct tss *t = &tss[c->id];
    g[GDT_KCODE] = segment(0, 0xFFFFF, ACC_CODE, FLAGS_4K_32BIT);
    g[GDT_KDATA] = segment(0, 0xFFFFF, ACC_DATA, FLAGS_4K_32BIT);
    g[GDT_UCODE] = segment(0, 0xFFFFF, ACC_CODE | ACC_DPL3, FLAGS_4K_32BIT);
    g[GDT_UDATA] = segment(0, 0xFFFFF, ACC_DATA | ACC_DPL3, FLAGS_4K_32BIT);
    t->ss0 = SEL_KDATA;
    t->iomap_base = sizeof *t;          /* past the limit: no I/O bitmap */
    g[GDT_TSS] = segment((uint32_t)t, sizeof *t - 1, ACC_TSS, 0);
    c->self = c;
    g[GDT_KCPU] = segment((uint32_t)c, sizeof *c - 1, ACC_DATA, 0);
    df_task_init(&df_tss[c->id], df_stack[c->id] + sizeof df_stack[0]);
    g[GDT_DFTSS] = segment((uint32_t)&df_tss[c->id], sizeof df_tss[0] - 1, ACC_TSS, 0);
    lgdt(g, sizeof gdt[0]);
    __asm__ volatile(
        "movw %w0, %%ds\n\tmovw %w0, %%es\n\tmovw %w0, %%ss\n\t"
        "movw %w0, %%fs\n\tmovw %w1, %%gs\n\t"
        "ljmp %2, $1f\n1:"
        : : "r"(SEL_KDATA), "r"(SEL_KCPU), "i"(SEL_KCODE));
    ltr(SEL_TSS);
}

void tss_set_kernel_stack(uint32_t esp0)
{
    tss[this_cpu()->id].esp0 = esp0;
}

void tss_interrupted(uint32_t *eip, uint32_t *esp)
{
    const struct tss *t = &tss[this_cpu()->id];
    *eip = t->eip;
    *esp = t->esp;
}
