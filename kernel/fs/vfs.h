/*
 * The virtual file system: inodes, and paths resolved to inodes.
 *
 * An inode is one file-system object: a regular file, a directory, the
 * console device or a pipe. What a system call does to it goes through
 * its struct inode_ops, the file system's table of operations, so the
 * system calls (fs/sys_file.c) and the open-file layer (fs/file.c) know
 * nothing of how a file system keeps its bytes. tmpfs (fs/tmpfs.c) is the
 * one mounted at "/"; a disk file system would be a second table.
 *
 * Paths: "/a/b" starts at the root, "a/b" at the process's working
 * directory; "." is the directory itself, ".." its parent (the root's is
 * the root), and repeated slashes count as one. A component longer than
 * MAXNAME, or a path of MAXPATH bytes or more, fails the lookup.
 *
 * Reference counts: every struct inode pointer held outside the file
 * system (an open file, a working directory, an exec'd program's
 * segments) holds a reference (inode_dup / inode_put). A file system
 * frees an inode only when it has no references and no names (nlink 0):
 * that is what keeps an unlinked file alive while it is open.
 *
 * Locking: an inode's counts and size are guarded by ip->lock, which is
 * the file system's own lock (tmpfs has one for the whole tree). The
 * operations take it themselves; callers hold no file-system lock. An
 * operation may copy to or from user memory while holding it: callers
 * fault the user buffer in first (file.c), so that the copy never faults
 * into the file system again (a program exec'd from tmpfs loads its pages
 * from tmpfs).
 */
#ifndef FS_VFS_H
#define FS_VFS_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/stat.h"
#include "core/spinlock.h"
#include "mm/vm.h"

struct inode;
struct fs_image;

/* Where bytes go to or come from: kernel memory if kernel is set, else
 * the current process's memory at user. */
struct fs_buf {
    char *kernel;
    uaddr_t user;
};

/* Copies n bytes to b at offset at, or from it: 0, or -1 for a bad user
 * address. */
int fs_buf_put(struct fs_buf b, uint32_t at, const void *src, uint32_t n);
int fs_buf_get(void *dst, struct fs_buf b, uint32_t at, uint32_t n);

struct inode_ops {
    /* Files. read: up to n bytes at off (fewer at the end; 0 past it).
     * write: n bytes at *off, or at the end if append (then *off is set
     * there), advancing *off; returns the count written (short, or -1 if
     * nothing, when memory runs out). truncate: size 0, pages returned. */
    int (*read)(struct inode *ip, uint32_t off, struct fs_buf to, uint32_t n);
    int (*write)(struct inode *ip, uint32_t *off, bool append, struct fs_buf from, uint32_t n);
    void (*truncate)(struct inode *ip);
    /* A frozen copy of a file's bytes for exec (fs/image.h); NULL
     * without memory. */
    struct fs_image *(*image)(struct inode *ip);
    /* Directories. readdir: bytes [off, off + n) of the listing, one
     * name per line, a directory's name ending in '/'. lookup: the
     * named inode with a new reference, or NULL. create: a new file or
     * directory with a reference, NULL if the name exists or memory
     * ran out. unlink: removes the name (a directory only if empty). */
    int (*readdir)(struct inode *dir, uint32_t off, struct fs_buf to, uint32_t n);
    struct inode *(*lookup)(struct inode *dir, const char *name);
    struct inode *(*create)(struct inode *dir, const char *name, int type);
    int (*unlink)(struct inode *dir, const char *name);
    /* The last reference went, with ip->lock held: free it if unlinked. */
    void (*release)(struct inode *ip);
};

struct inode {
    const struct inode_ops *ops;    /* constant */
    int type;                       /* T_FILE, T_DIR, T_DEV, T_PIPE; constant */
    uint32_t ino;                   /* constant */
    /* The file system's lock, guarding the fields below; NULL for an
     * inode that is not reference counted (the console's, a pipe's). */
    struct spinlock *lock;
    int refs;
    int nlink;
    uint32_t size;
};

/* Mounts root as "/" (once, at boot: tmpfs). */
void vfs_set_root(struct inode *root);
/* Parses the initramfs and mounts tmpfs holding its contents at "/". */
void vfs_init(void);

struct inode *inode_dup(struct inode *ip);
void inode_put(struct inode *ip);
void inode_stat(struct inode *ip, struct stat *st);

/* The inode path names, with a reference; NULL if any component is
 * missing, not a directory where one is needed, or too long. */
struct inode *vfs_lookup(const char *path);
/* The directory that would hold path's last component, with a reference,
 * and that component in name; NULL if there is none ("/") or it is ".",
 * ".." or too long. */
struct inode *vfs_lookup_parent(const char *path, char name[MAXNAME + 1]);

#endif
