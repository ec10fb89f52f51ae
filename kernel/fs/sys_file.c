/*
 * The file system calls: read, write, open, close, dup, dup2, pipe,
 * lseek, fstat, stat, mkdir, unlink, chdir, getcwd. Each copies its path
 * in first (MAXPATH bytes at most) and returns -1 on any failure, leaving
 * nothing half done: a failed open with O_CREAT removes the name it made.
 */
#include "abi/fcntl.h"
#include "abi/stat.h"
#include "fs/file.h"
#include "fs/path.h"
#include "fs/pipe.h"
#include "fs/vfs.h"
#include "lib/string.h"
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

static int copy_path(char path[MAXPATH], uaddr_t upath)
{
    return copyinstr(path, upath, MAXPATH) < 0 || !path[0] ? -1 : 0;
}

static bool fd_table_full(void)
{
    struct proc *p = current_proc();
    for (int fd = 0; fd < NOFILE; fd++)
        if (!p->files[fd])
            return false;
    return true;
}

/* The file path names, created (T_FILE) if missing and O_CREAT says so;
 * *made says it was created here. NULL if it cannot be. */
static struct inode *open_or_create(const char *path, int flags, bool *made)
{
    struct inode *ip = vfs_lookup(path);
    *made = false;
    if (ip && (flags & O_CREAT) && (flags & O_EXCL)) {
        inode_put(ip);
        return 0;
    }
    if (ip || !(flags & O_CREAT) || path[strlen(path) - 1] == '/')
        return ip;              /* "f/" names a directory, which open never creates */
    char name[MAXNAME + 1];
    struct inode *dir = vfs_lookup_parent(path, name);
    if (!dir)
        return 0;
    ip = dir->ops->create(dir, name, T_FILE);
    inode_put(dir);
    *made = ip != 0;
    if (!ip && !(flags & O_EXCL))
        ip = vfs_lookup(path);  /* another process created it meanwhile */
    return ip;
}

/* Takes back the name a failed open created. */
static void undo_create(const char *path)
{
    char name[MAXNAME + 1];
    struct inode *dir = vfs_lookup_parent(path, name);
    if (dir) {
        dir->ops->unlink(dir, name);
        inode_put(dir);
    }
}

static bool flags_ok(int flags)
{
    return (flags & O_ACCMODE) != O_ACCMODE &&
           !(flags & ~(O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND | O_EXCL));
}

/* The open file for ip (its reference passes to it); NULL if the mode
 * does not fit the inode or memory ran out (the reference then goes). */
static struct file *open_file(struct inode *ip, const char *path, int flags)
{
    int acc = flags & O_ACCMODE;
    char abs[MAXPATH];
    struct file *f = 0;
    if ((ip->type != T_DIR || (acc == O_RDONLY && !(flags & O_TRUNC))) &&
        path_absolute(current_proc()->cwd_path, path, abs) == 0)
        f = file_open_inode(ip, abs, acc != O_WRONLY, acc != O_RDONLY, flags & O_APPEND);
    if (!f)
        inode_put(ip);
    return f;
}

int sys_open(uaddr_t upath, int flags)
{
    char path[MAXPATH];
    bool made;
    if (copy_path(path, upath) < 0 || !flags_ok(flags) || fd_table_full())
        return -1;
    struct inode *ip = open_or_create(path, flags, &made);
    if (!ip)
        return -1;
    struct file *f = open_file(ip, path, flags);
    int fd = f ? fd_install(f) : -1;
    if (fd < 0) {
        if (f)
            file_close(f);
        if (made)
            undo_create(path);
        return -1;
    }
    if ((flags & O_TRUNC) && f->writable && ip->type == T_FILE)
        ip->ops->truncate(ip);
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

int sys_dup2(int oldfd, int newfd)
{
    struct file *f = fd_get(oldfd);
    if (!f || newfd < 0 || newfd >= NOFILE)
        return -1;
    if (oldfd == newfd)
        return newfd;
    struct proc *p = current_proc();
    struct file *old = p->files[newfd];
    p->files[newfd] = file_dup(f);
    if (old)
        file_close(old);
    return newfd;
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

int sys_lseek(int fd, int offset, int whence)
{
    struct file *f = fd_get(fd);
    return f ? file_seek(f, offset, whence) : -1;
}

int sys_fstat(int fd, uaddr_t ust)
{
    struct file *f = fd_get(fd);
    struct stat st;
    if (!f)
        return -1;
    inode_stat(f->ip, &st);
    return copyout(ust, &st, sizeof st);
}

int sys_stat(uaddr_t upath, uaddr_t ust)
{
    char path[MAXPATH];
    struct stat st;
    if (copy_path(path, upath) < 0 || copyout_check(ust, sizeof st) < 0)
        return -1;
    struct inode *ip = vfs_lookup(path);
    if (!ip)
        return -1;
    inode_stat(ip, &st);
    inode_put(ip);
    return copyout(ust, &st, sizeof st);
}

int sys_mkdir(uaddr_t upath)
{
    char path[MAXPATH], name[MAXNAME + 1];
    if (copy_path(path, upath) < 0)
        return -1;
    struct inode *dir = vfs_lookup_parent(path, name);
    if (!dir)
        return -1;
    struct inode *ip = dir->ops->create(dir, name, T_DIR);
    inode_put(dir);
    if (!ip)
        return -1;
    inode_put(ip);
    return 0;
}

int sys_unlink(uaddr_t upath)
{
    char path[MAXPATH], name[MAXNAME + 1];
    if (copy_path(path, upath) < 0)
        return -1;
    struct inode *dir = vfs_lookup_parent(path, name);
    if (!dir)
        return -1;
    int r = dir->ops->unlink(dir, name);
    inode_put(dir);
    return r;
}

int sys_chdir(uaddr_t upath)
{
    char path[MAXPATH], abs[MAXPATH];
    struct proc *p = current_proc();
    if (copy_path(path, upath) < 0 || path_absolute(p->cwd_path, path, abs) < 0)
        return -1;
    struct inode *ip = vfs_lookup(path);
    if (!ip || ip->type != T_DIR) {
        if (ip)
            inode_put(ip);
        return -1;
    }
    if (p->cwd)
        inode_put(p->cwd);
    p->cwd = ip;
    strlcpy(p->cwd_path, abs, sizeof p->cwd_path);
    return 0;
}

int sys_getcwd(uaddr_t ubuf, int n)
{
    const char *cwd = current_proc()->cwd_path;
    int len = (int)strlen(cwd) + 1;
    if (n < len || copyout(ubuf, cwd, (uint32_t)len) < 0)
        return -1;
    return len - 1;
}
