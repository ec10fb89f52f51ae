/*
 * Helpers for the virtual-memory tests (vm_*, leak_*, hostile_*): the
 * user address-space layout as the kernel documents it (kernel/mm/vm.h),
 * a raw system call, and running a piece of a test in a child whose death
 * is expected.
 */
#ifndef VM_UTIL_H
#define VM_UTIL_H

#include "utest.h"

#define PAGE        4096u
#define IMAGE_BASE  0x00400000u             /* USER_IMAGE_BASE */
#define USER_TOP    0xC0000000u             /* KERNBASE: the kernel starts here */
#define STACK_MAX   (1024u * 1024)          /* USER_STACK_MAX */
#define STACK_LOW   (USER_TOP - STACK_MAX)  /* lowest stack byte; the guard page is below */
#define UNMAPPED    0x10000000u             /* between heap and stack: never mapped here */
#define SBRK_FAIL   ((char *)-1)
#define INT_MAX_    0x7fffffff
#define INT_MIN_    (-INT_MAX_ - 1)

/* A system call by number, with all five argument registers set. */
static inline int sys5(int num, uint32_t a, uint32_t b, uint32_t c, uint32_t d, uint32_t e)
{
    int r;
    __asm__ volatile("int $0x80"
                     : "=a"(r)
                     : "a"(num), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                     : "memory");
    return r;
}

/* x, hidden from the compiler: a constant address it cannot reason about. */
static inline uint32_t opaque(uint32_t x)
{
    __asm__("" : "+r"(x));
    return x;
}
#define AT(addr) ((volatile char *)opaque((uint32_t)(addr)))
#define AT_INT(addr) ((volatile int *)opaque((uint32_t)(addr)))

/* Waits for child pid (reaping any other child on the way); its status. */
static inline int wait_for(int pid)
{
    int status = -12345, w;
    while ((w = wait(&status)) != pid && w >= 0)
        ;
    return w == pid ? status : -12345;
}

/* Runs fn in a child and returns its exit status: -1 when the kernel
 * killed it. fn returns SURVIVED after an access that should have killed. */
#define SURVIVED 42
static inline int child_status(int (*fn)(void))
{
    int pid = fork();
    if (pid < 0)
        return -12346;
    if (pid == 0)
        exit(fn());
    return wait_for(pid);
}

/* The same for an fn taking one argument. */
static inline int child_status_arg(int (*fn)(uint32_t), uint32_t arg)
{
    int pid = fork();
    if (pid < 0)
        return -12346;
    if (pid == 0)
        exit(fn(arg));
    return wait_for(pid);
}

static inline unsigned int free_pages(void)
{
    return free_memory() / PAGE;
}

/* Waits (a bounded time) until nproc is back to `want`: orphans that init
 * has not reaped yet still count. */
static inline unsigned int settle_nproc(unsigned int want)
{
    unsigned int n = nproc_now();
    for (int i = 0; i < 200 && n != want; i++) {
        sleep(1);
        n = nproc_now();
    }
    return n;
}

/* Writes every byte of a stack area below the caller, so that its pages are
 * mapped and private before a test runs out of memory on purpose. */
static void __attribute__((noinline, unused)) pretouch_stack(void)
{
    volatile char area[32 * 1024];
    for (unsigned int i = 0; i < sizeof area; i += 512)
        area[i] = 0;
}

/* Reads every page of the program image below end (default: all of it,
 * if the heap is still empty), so that none is left to load. */
static inline void pretouch_image_below(const void *end)
{
    for (volatile char *p = (char *)IMAGE_BASE; p < (volatile char *)end; p += PAGE)
        (void)*p;
}

static inline void pretouch_image(void)
{
    pretouch_image_below(sbrk(0));
}

/*
 * Takes every free frame: heap pages (sbrk and a write to each) while
 * plenty are left, then stack pages from STACK_LOW up, which cost exactly
 * one frame each (the stack's page table exists). Returns the frames
 * taken; free memory is 0 afterwards. The caller must have pretouched its
 * stack and image and write nothing else (every other page may still be
 * shared copy-on-write with the parent). The heap must end page-aligned.
 */
static inline unsigned int hog(void)
{
    unsigned int taken = 0, fr;
    while ((fr = free_pages()) > 64) {
        unsigned int n = fr - fr / 512 - 8;         /* room for page tables */
        char *p = sbrk((int)(n * PAGE));
        if (p == SBRK_FAIL)
            break;
        for (unsigned int i = 0; i < n; i++)
            p[i * PAGE] = 1;
        taken += n;
    }
    for (uint32_t a = STACK_LOW; (fr = free_pages()) > 0 && a < STACK_LOW + 128 * PAGE; a += PAGE) {
        *AT(a) = 1;
        taken++;
    }
    return taken;
}

/*
 * fork, and in the parent wait for that child, writing no user memory in
 * between: until the child exits every page is shared with it, and a
 * write would need a frame for the copy. The child exits at once with
 * status 0 without touching memory. Returns fork's result.
 */
static inline int fork_and_reap(void)
{
    int r;
    __asm__ volatile(
        "movl %1, %%eax\n\t"
        "int $0x80\n\t"
        "testl %%eax, %%eax\n\t"
        "jnz 1f\n\t"
        "movl %2, %%eax\n\t"              /* the child: exit(0) */
        "xorl %%ebx, %%ebx\n\t"
        "int $0x80\n"
        "1:\n\t"
        "js 2f\n\t"
        "movl %%eax, %%esi\n\t"
        "movl %3, %%eax\n\t"              /* wait(NULL): its only child */
        "xorl %%ebx, %%ebx\n\t"
        "int $0x80\n\t"
        "movl %%esi, %%eax\n"
        "2:"
        : "=&a"(r)
        : "i"(SYS_fork), "i"(SYS_exit), "i"(SYS_wait)
        : "ebx", "ecx", "edx", "esi", "edi", "memory", "cc");
    return r;
}

#endif
