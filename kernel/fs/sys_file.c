/* The file system calls: read, write, open, close, dup, pipe. */
#include "abi/fcntl.h"
#include "fs/file.h"
#include "fs/initramfs.h"
#include "fs/pipe.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/syscall.h"

int sys_read(int fd, uaddr_t buf, int n)
{
    struct file *f = fd_get(fd);
    /* The whole buffer must be writable before anything is read (and
     * consumed) or a read blocks: a bad buffer is -1, never a partial read. */
    if (!f || !f->readable || n < 0 || !user_buffer_ok(buf, (uint32_t)n, true))
        return -1;
    return n == 0 ? 0 : f->ops->read(f, buf, n);
}

int sys_write(int fd, uaddr_t buf, int n)
{
    struct file *f = fd_get(fd);
    if (!f || !f->writable || n < 0 || !user_buffer_ok(buf, (uint32_t)n, false))
        return -1;
    return n == 0 ? 0 : f->ops->write(f, buf, n);
}

int sys_open(uaddr_t upath, int flags)
{
    char path[128];
    if (copyinstr(path, upath, sizeof path) < 0 || flags != O_RDONLY)
        return -1;              /* the initramfs is read-only */
    struct file *f = initramfs_open(path);
    if (!f)
        return -1;
    int fd = fd_install(f);
    if (fd < 0)
        file_close(f);
    return fd;
}

int sys_close(int fd)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -1;
    current_proc()->files[fd] = 0;
    file_close(f);
    return 0;
}

int sys_dup(int fd)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -1;
    int nfd = fd_install(file_dup(f));
    if (nfd < 0)
        file_close(f);
    return nfd;
}

int sys_pipe(uaddr_t ufds)
{
    struct file *rf, *wf;
    if (pipe_create(&rf, &wf) < 0)
        return -1;
    int fds[2] = { fd_install(rf), -1 };
    if (fds[0] >= 0)
        fds[1] = fd_install(wf);
    if (fds[1] < 0 || copyout(ufds, fds, sizeof fds) < 0) {
        struct proc *p = current_proc();
        if (fds[0] >= 0)
            p->files[fds[0]] = 0;
        if (fds[1] >= 0)
            p->files[fds[1]] = 0;
        file_close(rf);
        file_close(wf);
        return -1;
    }
    return 0;
}
