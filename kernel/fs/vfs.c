/* Inodes and path lookup; see vfs.h. */
#include "fs/vfs.h"

#include "core/panic.h"
#include "fs/initramfs.h"
#include "fs/path.h"
#include "fs/tmpfs.h"
#include "lib/string.h"
#include "mm/uaccess.h"
#include "proc/proc.h"

/* Set once at boot, then constant. */
static struct inode *root;

void vfs_set_root(struct inode *r)
{
    ASSERT(r && r->type == T_DIR);
    root = r;
}

void vfs_init(void)
{
    initramfs_init();
    vfs_set_root(tmpfs_mount());
}

int fs_buf_put(struct fs_buf b, uint32_t at, const void *src, uint32_t n)
{
    if (!b.kernel)
        return copyout(b.user + at, src, n);
    memcpy(b.kernel + at, src, n);
    return 0;
}

int fs_buf_get(void *dst, struct fs_buf b, uint32_t at, uint32_t n)
{
    if (!b.kernel)
        return copyin(dst, b.user + at, n);
    memcpy(dst, b.kernel + at, n);
    return 0;
}

struct inode *inode_dup(struct inode *ip)
{
    if (ip->lock) {
        spin_lock(ip->lock);
        ip->refs++;
        spin_unlock(ip->lock);
    }
    return ip;
}

void inode_put(struct inode *ip)
{
    if (!ip->lock)
        return;
    struct spinlock *lk = ip->lock;     /* release may free ip */
    spin_lock(lk);
    ASSERT(ip->refs > 0);
    if (--ip->refs == 0 && ip->ops->release)
        ip->ops->release(ip);
    spin_unlock(lk);
}

void inode_stat(struct inode *ip, struct stat *st)
{
    if (ip->lock)
        spin_lock(ip->lock);
    *st = (struct stat){ .type = ip->type, .size = ip->size, .ino = ip->ino, .nlink = ip->nlink };
    if (ip->lock)
        spin_unlock(ip->lock);
}

/* Where a lookup of path starts: the root or the working directory. */
static struct inode *start_of(const char *path)
{
    struct proc *p = current_proc();
    if (path[0] == '/' || !p || !p->cwd)
        return inode_dup(root);
    return inode_dup(p->cwd);
}

/* The entry name in dir, giving up the reference to dir. */
static struct inode *step(struct inode *dir, const char *name)
{
    struct inode *next = dir->type == T_DIR ? dir->ops->lookup(dir, name) : 0;
    inode_put(dir);
    return next;
}

struct inode *vfs_lookup(const char *path)
{
    size_t len = strnlen(path, MAXPATH);
    if (len == 0 || len >= MAXPATH)
        return 0;
    bool want_dir = path[len - 1] == '/';   /* "f/" names a directory or nothing */
    struct inode *ip = start_of(path);
    char name[MAXNAME + 1];
    int r;
    while (ip && (r = path_next(&path, name)) > 0)
        ip = step(ip, name);
    if (ip && (r < 0 || (want_dir && ip->type != T_DIR))) {
        inode_put(ip);
        return 0;
    }
    return ip;
}

struct inode *vfs_lookup_parent(const char *path, char name[MAXNAME + 1])
{
    char dir[MAXPATH];
    size_t len = strnlen(path, MAXPATH);
    if (len == 0 || len >= MAXPATH)
        return 0;
    memcpy(dir, path, len + 1);
    while (len > 1 && dir[len - 1] == '/')
        dir[--len] = '\0';      /* "a/b/" creates "b" in "a" */
    size_t at = len;
    while (at > 0 && dir[at - 1] != '/')
        at--;
    const char *last = dir + at;
    if (!*last || len - at > MAXNAME || strcmp(last, ".") == 0 || strcmp(last, "..") == 0)
        return 0;
    strlcpy(name, last, MAXNAME + 1);
    dir[at] = '\0';
    struct inode *ip = at ? vfs_lookup(dir) : start_of(dir);
    if (ip && ip->type != T_DIR) {
        inode_put(ip);
        return 0;
    }
    return ip;
}
