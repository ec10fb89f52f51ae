/*
 * Open files. A struct file is what a file descriptor refers to: the
 * console, one end of a pipe, or a read-only file (or directory) of the
 * initramfs. fork and dup share a struct file (its reference count goes
 * up); it is closed when the last descriptor referring to it closes.
 */
#ifndef FS_FILE_H
#define FS_FILE_H

#include <stdbool.h>
#include <stdint.h>

#include "mm/vm.h"

struct file;

struct file_ops {
    /* Move up to n bytes between the file and user memory at buf; return
     * the count moved, 0 at end of file, -1 on error. May block. */
    int (*read)(struct file *f, uaddr_t buf, int n);
    int (*write)(struct file *f, uaddr_t buf, int n);
    /* The last reference is gone: release f->priv. */
    void (*close)(struct file *f);
};

struct file {
    const struct file_ops *ops;
    int refs;                   /* guarded by files_lock (file.c) */
    bool readable, writable;    /* constant after creation */
    void *priv;                 /* the pipe, the initramfs entry, ... */
    uint32_t offset;            /* read position: initramfs files only */
};

/* A new file with one reference; NULL when out of memory. */
struct file *file_alloc(const struct file_ops *ops, void *priv, bool readable, bool writable);
struct file *file_dup(struct file *f);
void file_close(struct file *f);

/* The console as a file (fds 0, 1 and 2 of init). */
struct file *console_file_open(void);

/* The current process's descriptor table. */
int fd_install(struct file *f);         /* lowest free fd, or -1 (table full) */
struct file *fd_get(int fd);            /* NULL for a bad fd */

#endif
