/* Open files and descriptor tables. */
#include "fs/file.h"

#include "abi/fcntl.h"
#include "lib/format.h"
#include "fs/vfs.h"
#include "lib/string.h"
#include "mm/kheap.h"
#include "mm/uaccess.h"
#include "proc/proc.h"

static struct spinlock files_lock = SPINLOCK_INIT("files", LOCK_RANK_FILES);

struct file *file_alloc(const struct file_ops *ops, void *priv, bool readable, bool writable)
{
    struct file *f = kzalloc(sizeof *f);
    if (!f)
        return 0;
    f->ops = ops;
    f->priv = priv;
    f->refs = 1;
    f->readable = readable;
    f->writable = writable;
    spin_init(&f->lock, "file offset", LOCK_RANK_FILE_OFFSET);
    return f;
}

/*
 * Faults in every page of the user buffer before a file-system lock is
 * taken (vfs.h): a copy under the lock then never faults, so it never
 * re-enters the file system to load a program page, and never sleeps.
 */
static int prefault(uaddr_t buf, int n, bool write)
{
    struct addrspace *as = current_proc()->as;
    uint32_t end = buf + (uint32_t)n;
    for (uint32_t va = buf; va < end; va = PGROUNDDOWN(va) + PGSIZE)
        if (!vm_user_ptr(as, va, write))
            return -1;
    return 0;
}

static int inode_file_read(struct file *f, uaddr_t buf, int n)
{
    if (prefault(buf, n, true) < 0)
        return -1;
    struct inode *ip = f->ip;
    struct fs_buf to = { .user = buf };
    spin_lock(&f->lock);
    int r = ip->type == T_DIR ? ip->ops->readdir(ip, f->offset, to, (uint32_t)n)
                              : ip->ops->read(ip, f->offset, to, (uint32_t)n);
    if (r > 0)
        f->offset += (uint32_t)r;
    spin_unlock(&f->lock);
    return r;
}

static int inode_file_write(struct file *f, uaddr_t buf, int n)
{
    if (prefault(buf, n, false) < 0)
        return -1;
    spin_lock(&f->lock);
    int r = f->ip->ops->write(f->ip, &f->offset, f->append, (struct fs_buf){ .user = buf },
                              (uint32_t)n);
    spin_unlock(&f->lock);
    return r;
}

static void inode_file_close(struct file *f)
{
    inode_put(f->ip);
}

static const struct file_ops inode_file_ops = {
    .read = inode_file_read,
    .write = inode_file_write,
    .close = inode_file_close,
};

struct file *file_open_inode(struct inode *ip, const char *path, bool readable,
                             bool writable, bool append)
{
    struct file *f = file_alloc(&inode_file_ops, 0, readable, writable);
    if (!f)
        return 0;
    f->ip = ip;
    f->type = ip->type;
    f->append = append;
    strlcpy(f->path, path, sizeof f->path);
    return f;
}

int file_seek(struct file *f, int offset, int whence)
{
    if (f->ops != &inode_file_ops)
        return -1;
    struct stat st;
    inode_stat(f->ip, &st);
    spin_lock(&f->lock);
    int64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (int64_t)f->offset
                 : whence == SEEK_END ? (int64_t)st.size : -1;
    int64_t to = base + offset;
    bool ok = base >= 0 && to >= 0 && to <= 0x7FFFFFFF;
    if (ok)
        f->offset = (uint32_t)to;
    spin_unlock(&f->lock);
    return ok ? (int)to : -1;
}

/* Ctrl-P calls this for other processes' files, which another CPU may be
 * closing: it reads only f's own fields (kernel heap memory stays mapped
 * even when freed), so a line may be stale but the read is always safe. */
void file_describe(const struct file *f, char *buf, int n)
{
    int type = f->type;
    const char *mode = f->readable && f->writable ? "rw" : f->readable ? "r" : "w";
    if (type == T_FILE || type == T_DIR)
        snprintf(buf, (size_t)n, "%s %s %s @%u", type == T_DIR ? "dir" : "file", mode,
                 f->path, f->offset);
    else
        snprintf(buf, (size_t)n, "%s %s", type == T_PIPE ? "pipe" : "console", mode);
}

struct file *file_dup(struct file *f)
{
    spin_lock(&files_lock);
    f->refs++;
    spin_unlock(&files_lock);
    return f;
}

void file_close(struct file *f)
{
    spin_lock(&files_lock);
    int left = --f->refs;
    spin_unlock(&files_lock);
    if (left > 0)
        return;
    if (f->ops->close)
        f->ops->close(f);
    kfree(f);
}

int fd_install(struct file *f)
{
    struct proc *p = current_proc();
    for (int fd = 0; fd < NOFILE; fd++) {
        if (!p->files[fd]) {
            p->files[fd] = f;
            return fd;
        }
    }
    return -1;
}

struct file *fd_get(int fd)
{
    if (fd < 0 || fd >= NOFILE)
        return 0;
    return current_proc()->files[fd];
}
