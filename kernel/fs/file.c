/* Open files and descriptor tables. */
#include "fs/file.h"

#include "core/spinlock.h"
#include "mm/kheap.h"
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
    return f;
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
