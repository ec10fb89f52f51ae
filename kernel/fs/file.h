/*
 * Open files. A struct file is what a file descriptor refers to: the
 * console, one end of a pipe, or a file or directory of a file system
 * (an inode). fork, dup and dup2 share a struct file (its reference count
 * goes up), and with it its offset: that is how a shell's child and the
 * shell append to one output file in turn. It is closed when the last
 * descriptor referring to it closes.
 *
 * Chain from a descriptor to a page (docs/files.md):
 *   proc->files[fd] -> struct file (offset) -> struct inode -> tmpfs pages
 */
#ifndef FS_FILE_H
#define FS_FILE_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/stat.h"
#include "core/spinlock.h"
#include "mm/vm.h"

struct file;
struct inode;

struct file_ops {
    /* Move up to n bytes between the file and user memory at buf; return
     * the count moved, 0 at end of file, -1 on error. May block. */
    int (*read)(struct file *f, uaddr_t buf, int n);
    int (*write)(struct file *f, uaddr_t buf, int n);
    /* The last reference is gone: release f->priv (or f->ip). */
    void (*close)(struct file *f);
};

struct file {
    const struct file_ops *ops;
    int refs;                   /* guarded by files_lock (file.c) */
    /* Constant after creation. */
    bool readable, writable;
    bool append;                /* O_APPEND: every write goes to the end */
    void *priv;                 /* the pipe, ... */
    struct inode *ip;           /* what fstat describes (a reference for an inode file) */
    int type;                   /* ip->type, kept here so that Ctrl-P never follows ip */
    char path[MAXPATH];         /* absolute path opened; "" for a pipe or the console */
    /* lock guards offset; held across one read or write, so processes
     * sharing the file never read the same bytes or write over each
     * other's. Taken before the file system's lock. */
    struct spinlock lock;
    uint32_t offset;
};

/* A new file with one reference; NULL when out of memory. */
struct file *file_alloc(const struct file_ops *ops, void *priv, bool readable, bool writable);
/* An open file for inode ip (taking over the caller's reference). */
struct file *file_open_inode(struct inode *ip, const char *path, bool readable,
                             bool writable, bool append);
struct file *file_dup(struct file *f);
void file_close(struct file *f);
/* lseek: the new offset, or -1 (a pipe or the console, a bad whence, a
 * result below 0). */
int file_seek(struct file *f, int offset, int whence);
/* One line for Ctrl-P and the debugger: kind, path or pipe, offset. */
void file_describe(const struct file *f, char *buf, int n);

/* The console as a file (fds 0, 1 and 2 of init). */
struct file *console_file_open(void);

/* The current process's descriptor table. */
int fd_install(struct file *f);         /* lowest free fd, or -1 (table full) */
struct file *fd_get(int fd);            /* NULL for a bad fd */

#endif
