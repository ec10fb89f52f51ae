/*
 * Isolation. Page 0 is unmapped; text is read-only; kernel memory
 * (0xC0000000 and up) is neither readable, writable nor executable from
 * user mode; I/O ports are closed (IOPL 0 and no I/O bitmap: ports 0x20,
 * 0x40, 0x60, 0x64, 0x80, 0xf4 (QEMU's exit device!), 0x3f8, 0xcf8, string
 * I/O too); privileged instructions and interrupt vectors other than the
 * system call fault. Each violation kills only the offending process:
 * a sibling running meanwhile and this process carry on.
 */
#include "vm_util.h"

static int null_read(void) { return *AT_INT(0) == 0 ? SURVIVED : SURVIVED + 1; }
static int null_write(void) { *AT_INT(0) = 1; return SURVIVED; }
static int page0_end(void) { return *AT(PAGE - 1) ? SURVIVED : SURVIVED + 1; }
static int below_image(void) { return *AT(IMAGE_BASE - 1) ? SURVIVED : SURVIVED + 1; }
static int text_write(void) { *(volatile char *)(uintptr_t)null_read = 0x90; return SURVIVED; }

static int kread(uint32_t a) { return *AT(a) ? SURVIVED : SURVIVED + 1; }
static int kwrite(uint32_t a) { *AT(a) = 0; return SURVIVED; }
static int kexec(uint32_t a) { ((void (*)(void))a)(); return SURVIVED; }

static int port_in(uint32_t port)
{
    unsigned char v;
    __asm__ volatile("inb %w1, %0" : "=a"(v) : "Nd"((uint16_t)port));
    return SURVIVED + (v & 0);
}

static int port_out(uint32_t port)
{
    __asm__ volatile("outb %0, %w1" : : "a"((unsigned char)0x31), "Nd"((uint16_t)port));
    return SURVIVED;
}

static int port_outl(uint32_t port)
{
    __asm__ volatile("outl %0, %w1" : : "a"(0x80000000u), "Nd"((uint16_t)port));
    return SURVIVED;
}

static int port_ins(uint32_t port)
{
    static char buf[16];
    void *d = buf;
    uint32_t n = 4;
    __asm__ volatile("rep insb" : "+D"(d), "+c"(n) : "d"((uint16_t)port) : "memory");
    return SURVIVED;
}

static int port_outs(uint32_t port)
{
    const void *s = "abcd";
    uint32_t n = 4;
    __asm__ volatile("rep outsb" : "+S"(s), "+c"(n) : "d"((uint16_t)port) : "memory");
    return SURVIVED;
}

/* popf cannot raise IOPL from ring 3 (it is silently kept), so the port
 * stays closed. */
static int popf_iopl(uint32_t port)
{
    __asm__ volatile("pushfl; orl $0x3000, (%%esp); popfl" : : : "memory", "cc");
    uint32_t fl;
    __asm__ volatile("pushfl; popl %0" : "=r"(fl));
    if (fl & 0x3000)
        return 3;                       /* IOPL moved: fail loudly */
    return port_in(port);
}

static int op_cli(void) { __asm__ volatile("cli"); return SURVIVED; }
static int op_sti(void) { __asm__ volatile("sti"); return SURVIVED; }
static int op_hlt(void) { __asm__ volatile("hlt"); return SURVIVED; }
static int op_cr3(void) { __asm__ volatile("mov %%eax, %%cr3" : : "a"(0)); return SURVIVED; }
static int op_int_timer(void) { __asm__ volatile("int $0x20"); return SURVIVED; }
static int op_int3(void) { __asm__ volatile("int3"); return SURVIVED; }
static int op_div0(void) { volatile int z = 0; return 10 / z; }
static int op_ud2(void) { __asm__ volatile("ud2"); return SURVIVED; }

int main(void)
{
    uint32_t fl;
    __asm__ volatile("pushfl; popl %0" : "=r"(fl));
    printf("  eflags %x: IOPL %u\n", fl, (fl >> 12) & 3);
    CHECK_EQ((fl >> 12) & 3, 0);

    /* A sibling that must outlive all the kills below. */
    int go[2];
    CHECK(pipe(go) == 0);
    int sib = fork();
    if (sib == 0) {
        char c = 0;
        read(go[0], &c, 1);
        exit(c);
    }

    CHECK_EQ(child_status(null_read), -1);
    CHECK_EQ(child_status(null_write), -1);
    CHECK_EQ(child_status(page0_end), -1);
    CHECK_EQ(child_status(below_image), -1);
    CHECK_EQ(child_status(text_write), -1);

    static const uint32_t kaddrs[] = { 0xC0000000u, 0xC0100000u, 0xC0400000u, 0xD0000000u,
                                       0xEFFFFFFFu, 0xF0000000u, 0xFFFFF000u, 0xFFFFFFFFu };
    for (unsigned int i = 0; i < sizeof kaddrs / sizeof kaddrs[0]; i++) {
        int r = child_status_arg(kread, kaddrs[i]), w = child_status_arg(kwrite, kaddrs[i]);
        int x = child_status_arg(kexec, kaddrs[i]);
        if (r != -1 || w != -1 || x != -1)
            printf("  kernel address %x: read %d write %d exec %d\n", kaddrs[i], r, w, x);
        CHECK(r == -1 && w == -1 && x == -1);
    }
    CHECK_EQ(child_status_arg(kexec, 0), -1);

    static const uint32_t ports[] = { 0x20, 0x21, 0x40, 0x43, 0x60, 0x64, 0x70, 0x80,
                                      0xa0, 0xf4, 0x1f0, 0x3f8, 0x3d4, 0xcf8, 0xffff };
    for (unsigned int i = 0; i < sizeof ports / sizeof ports[0]; i++) {
        int in = child_status_arg(port_in, ports[i]), out = child_status_arg(port_out, ports[i]);
        int outl = child_status_arg(port_outl, ports[i]);
        int ins = child_status_arg(port_ins, ports[i]), outs = child_status_arg(port_outs, ports[i]);
        int pf = child_status_arg(popf_iopl, ports[i]);
        if (in != -1 || out != -1 || outl != -1 || ins != -1 || outs != -1 || pf != -1)
            printf("  port %x: in %d out %d outl %d ins %d outs %d popf+in %d\n", ports[i], in,
                   out, outl, ins, outs, pf);
        CHECK(in == -1 && out == -1 && outl == -1 && ins == -1 && outs == -1 && pf == -1);
    }

    CHECK_EQ(child_status(op_cli), -1);
    CHECK_EQ(child_status(op_sti), -1);
    CHECK_EQ(child_status(op_hlt), -1);
    CHECK_EQ(child_status(op_cr3), -1);
    CHECK_EQ(child_status(op_int_timer), -1);
    CHECK_EQ(child_status(op_int3), -1);
    CHECK_EQ(child_status(op_div0), -1);
    CHECK_EQ(child_status(op_ud2), -1);

    write(go[1], "\7", 1);
    CHECK_EQ(wait_for(sib), 7);         /* untouched by its siblings' deaths */
    DONE();
}
