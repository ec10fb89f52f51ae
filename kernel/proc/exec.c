/* exec; see exec.h. */
#include "proc/exec.h"

#include <stdbool.h>

#include "arch/arch.h"
#include "abi/stat.h"
#include "fs/image.h"
#include "fs/vfs.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/uaccess.h"
#include "mm/vm.h"
#include "proc/elf.h"
#include "proc/proc.h"
#include "proc/signal.h"
#include "proc/syscall.h"

/* The arguments, gathered in kernel memory before the old image goes. */
struct args {
    int argc;
    uint32_t len;                   /* bytes used in strings */
    uint16_t start[MAXARG];         /* each string's offset in strings */
    char *strings;                  /* one frame: MAXARGLEN bytes */
};

static bool header_ok(const struct fs_image *f, const struct elf_header *eh)
{
    return f->size >= sizeof *eh && eh->magic == ELF_MAGIC && eh->class == ELFCLASS32 &&
           eh->data == ELFDATA2LSB && eh->type == ET_EXEC && eh->machine == EM_386 &&
           eh->phentsize == sizeof(struct elf_phdr) &&
           eh->phoff <= f->size && eh->phnum <= (f->size - eh->phoff) / sizeof(struct elf_phdr);
}

static bool segment_ok(const struct fs_image *f, const struct elf_phdr *ph)
{
    return ph->filesz <= ph->memsz && ph->offset <= f->size &&
           ph->filesz <= f->size - ph->offset && ph->vaddr >= PGSIZE &&
           ph->vaddr < USER_HEAP_MAX && ph->memsz <= USER_HEAP_MAX - ph->vaddr;
}

/* Records every PT_LOAD segment (ignoring all other kinds) for lazy
 * loading: nothing is copied until the program touches a page. */
static int load_segments(struct addrspace *as, struct fs_image *f, const struct elf_header *eh)
{
    uint32_t end = USER_IMAGE_BASE;
    for (int i = 0; i < eh->phnum; i++) {
        struct elf_phdr phdr, *ph = &phdr;
        fs_image_copy(f, ph, eh->phoff + (uint32_t)i * sizeof phdr, sizeof phdr);
        if (ph->type != PT_LOAD || ph->memsz == 0)
            continue;
        if (!segment_ok(f, ph))
            return -1;
        struct vm_segment seg = {
            .start = ph->vaddr,
            .end = ph->vaddr + ph->memsz,
            .image = f,
            .offset = ph->offset,
            .filesz = ph->filesz,
            .perm = PTE_U | (ph->flags & PF_W ? PTE_W : 0),
        };
        if (vm_add_segment(as, &seg) < 0)
            return -1;
        if (ph->vaddr + ph->memsz > end)
            end = ph->vaddr + ph->memsz;
    }
    if (eh->entry < PGSIZE || eh->entry >= end)
        return -1;
    as->image_end = as->brk = PGROUNDUP(end);
    return 0;
}

static int push(struct addrspace *as, uint32_t *sp, const void *data, uint32_t n)
{
    *sp -= n;
    for (uint32_t done = 0; done < n;) {
        char *k = vm_user_ptr(as, *sp + done, true);
        if (!k)
            return -1;
        uint32_t chunk = PGSIZE - ((*sp + done) & (PGSIZE - 1));
        if (chunk > n - done)
            chunk = n - done;
        memcpy(k, (const char *)data + done, chunk);
        done += chunk;
    }
    return 0;
}

// LAB exec-stack BEGIN
/*
 * The initial stack, top down: the strings, argv[0..argc] (argv[argc] is
 * NULL), then argv, argc and a zero return address, so that the entry
 * point sees exactly what a call _start(argc, argv) would give it. As
 * the i386 System V ABI wants at a function's entry, the arguments start
 * on a 16-byte boundary: (esp + 4) % 16 == 0 at _start's first
 * instruction (padding goes between argv[argc] and the strings).
 */
static int build_stack(struct addrspace *as, const struct args *a, uint32_t *esp)
{
    uint32_t sp = USER_TOP, uargv[MAXARG + 1];
    if (push(as, &sp, a->strings, a->len) < 0)
        return -1;
    uint32_t base = sp;
    for (int i = 0; i < a->argc; i++)
        uargv[i] = base + a->start[i];
    uargv[a->argc] = 0;
    uint32_t argv_bytes = (uint32_t)(a->argc + 1) * 4;
    uint32_t args_at = (base - argv_bytes - 8) & ~15u;     /* where argc goes */
    sp = args_at + 8 + argv_bytes;
    if (push(as, &sp, uargv, argv_bytes) < 0)
        return -1;
    uint32_t frame[3] = { 0, (uint32_t)a->argc, sp };
    if (push(as, &sp, frame, sizeof frame) < 0)
        return -1;
    *esp = sp;
    return 0;
}
// LAB exec-stack END

/* The program file's image: a bare name ("ls") is looked for in /bin,
 * as a shell's PATH=/bin would; a path with a slash as it is. */
static struct fs_image *find_program(const char *path)
{
    char full[5 + MAXPATH] = "/bin/";
    if (!strchr(path, '/')) {
        strlcpy(full + 5, path, sizeof full - 5);
        path = full;
    }
    struct inode *ip = vfs_lookup(path);
    if (!ip)
        return 0;
    struct fs_image *img = ip->type == T_FILE ? ip->ops->image(ip) : 0;
    inode_put(ip);
    return img;
}

/* Builds the new image for path; returns it and its entry, or NULL. */
static struct addrspace *build_image(const char *path, const struct args *a,
                                     uint32_t *entry, uint32_t *esp)
{
    struct fs_image *f = find_program(path);
    if (!f)
        return 0;
    struct elf_header eh;
    fs_image_copy(f, &eh, 0, sizeof eh);
    struct addrspace *as = header_ok(f, &eh) ? vm_create() : 0;
    if (as && (load_segments(as, f, &eh) < 0 || build_stack(as, a, esp) < 0)) {
        vm_destroy(as);
        as = 0;
    }
    fs_image_put(f);            /* the segments hold their own references */
    *entry = eh.entry;
    return as;
}

static const char *last_component(const char *path)
{
    const char *s = strchr(path, '/');
    while (s) {
        path = s + 1;
        s = strchr(path, '/');
    }
    return path;
}

/* Replaces the current process's image; the point of no return. */
static void commit(struct addrspace *as, const char *path, uint32_t entry, uint32_t esp)
{
    struct proc *p = current_proc();
    struct addrspace *old = proc_swap_as(p, as);
    vm_activate(as);
    vm_destroy(old);
    strlcpy(p->name, last_component(path), sizeof p->name);
    signal_exec(p);                     /* the old program's handlers are gone */
    arch_enter_user(p, entry, esp);
}

static int exec_args(const char *path, struct args *a)
{
    struct addrspace *as;
    uint32_t entry, esp;
    as = build_image(path, a, &entry, &esp);
    if (!as)
        return -1;
    commit(as, path, entry, esp);
    return 0;
}

/* Adds the argument string now at the end of a->strings (len bytes plus
 * its NUL); -1 if there are too many. */
static int keep_arg(struct args *a, int len)
{
    if (a->argc >= MAXARG)
        return -1;
    a->start[a->argc++] = (uint16_t)a->len;
    a->len += (uint32_t)len + 1;
    return 0;
}

/* Gathers argv from kernel memory (user == false) or from the user
 * pointer uargv (user == true) into a; -1 if any is bad, too many or too
 * long. */
static int gather_args(struct args *a, char *const kargv[], uaddr_t uargv, bool user)
{
    for (int i = 0;; i++) {
        uint32_t arg;
        if (!user)
            arg = (uint32_t)kargv[i];
        else if (i > MAXARG || copyin(&arg, uargv + 4 * (uint32_t)i, 4) < 0)
            return -1;
        if (!arg)
            return 0;
        char *to = a->strings + a->len;
        uint32_t room = MAXARGLEN - a->len;
        int len = user ? copyinstr(to, arg, room)
                       : (int)strlcpy(to, (const char *)arg, room);
        if (len < 0 || (uint32_t)len >= room || keep_arg(a, len) < 0)
            return -1;
    }
}

/* exec with arguments from either side; the strings live in one frame. */
static int exec_with(const char *path, char *const kargv[], uaddr_t uargv, bool user)
{
    struct args a = { 0 };
    uint32_t page = frame_alloc();
    if (!page)
        return -1;
    a.strings = P2V(page);
    int r = gather_args(&a, kargv, uargv, user);
    if (r == 0)
        r = exec_args(path, &a);
    frame_free(page);
    return r;
}

int exec_kernel(const char *path, char *const argv[])
{
    return exec_with(path, argv, 0, false);
}

int sys_exec(uaddr_t upath, uaddr_t uargv)
{
    char path[128];
    if (copyinstr(path, upath, sizeof path) < 0)
        return -1;
    return exec_with(path, 0, uargv, true);
}
