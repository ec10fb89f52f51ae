/*
 * Pipes. read blocks while the buffer is empty and a writer remains, and
 * returns 0 (end of file) once every writer has closed; write blocks
 * while the buffer is full; once every reader has closed, it raises
 * SIGPIPE in the writer (which ends it by default) and returns -1.
 * A read returns what is there (at least one byte), not necessarily n.
 */
#include "fs/pipe.h"

#include "abi/signal.h"
#include "core/spinlock.h"
#include "fs/file.h"
#include "fs/vfs.h"
#include "mm/kheap.h"
#include "mm/uaccess.h"
#include "proc/signal.h"
#include "proc/waitq.h"

struct pipe {
    struct inode inode;         /* what fstat reports: T_PIPE; constant */
    struct spinlock lock;
    /* Guarded by lock. */
    uint32_t nread, nwrite;     /* bytes ever read/written; buf index mod PIPE_SIZE */
    bool reader_open, writer_open;
    struct waitq readers;       /* waiting for data */
    struct waitq writers;       /* waiting for room */
    char buf[PIPE_SIZE];
};

/* Moves bytes between user memory and the ring without holding user
 * faults inside the lock forever: copyin/copyout never block. */
static int pipe_read(struct file *f, uaddr_t ubuf, int n)
{
    struct pipe *p = f->priv;
    spin_lock(&p->lock);
    while (p->nread == p->nwrite && p->writer_open) {
        if (waitq_sleep(&p->readers, &p->lock) < 0) {
            spin_unlock(&p->lock);
            return -1;
        }
    }
    int done = 0;
    while (done < n && p->nread != p->nwrite) {
        uint32_t at = p->nread % PIPE_SIZE;
        uint32_t run = p->nwrite - p->nread;
        if (run > PIPE_SIZE - at)
            run = PIPE_SIZE - at;       /* up to the end of the ring */
        if (run > (uint32_t)(n - done))
            run = (uint32_t)(n - done);
        if (copyout(ubuf + done, p->buf + at, run) < 0) {
            done = done ? done : -1;
            break;
        }
        p->nread += run;
        done += (int)run;
    }
    waitq_wake_all(&p->writers);
    spin_unlock(&p->lock);
    return done;
}

static int pipe_write(struct file *f, uaddr_t ubuf, int n)
{
    struct pipe *p = f->priv;
    int done = 0;
    bool broken = false;
    spin_lock(&p->lock);
    while (done < n) {
        if (!p->reader_open) {
            broken = true;
            break;
        }
        if (p->nwrite - p->nread == PIPE_SIZE) {
            waitq_wake_all(&p->readers);
            if (waitq_sleep(&p->writers, &p->lock) < 0)
                break;                  /* killed, or a signal to handle */
            continue;
        }
        uint32_t at = p->nwrite % PIPE_SIZE;
        uint32_t room = PIPE_SIZE - (p->nwrite - p->nread);
        uint32_t run = PIPE_SIZE - at < room ? PIPE_SIZE - at : room;
        if (run > (uint32_t)(n - done))
            run = (uint32_t)(n - done);
        if (copyin(p->buf + at, ubuf + done, run) < 0) {
            done = done ? done : -1;
            break;
        }
        p->nwrite += run;
        done += (int)run;
    }
    waitq_wake_all(&p->readers);
    spin_unlock(&p->lock);
    if (broken)
        signal_raise(SIGPIPE);          /* ends the writer, unless caught or ignored */
    return done > 0 || n == 0 ? done : -1;  /* what went in before counts */
}

static void pipe_close(struct file *f)
{
    struct pipe *p = f->priv;
    spin_lock(&p->lock);
    if (f->readable)
        p->reader_open = false;
    else
        p->writer_open = false;
    bool last = !p->reader_open && !p->writer_open;
    waitq_wake_all(&p->readers);
    waitq_wake_all(&p->writers);
    spin_unlock(&p->lock);
    if (last)
        kfree(p);
}

static uint32_t pipe_ino;       /* atomic: the last pipe's inode number */

static const struct file_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .close = pipe_close,
};

int pipe_create(struct file **read_end, struct file **write_end)
{
    struct pipe *p = kzalloc(sizeof *p);
    if (!p)
        return -1;
    spin_init(&p->lock, "pipe", LOCK_RANK_PIPE);
    waitq_init(&p->readers);
    waitq_init(&p->writers);
    p->reader_open = p->writer_open = true;
    p->inode = (struct inode){ .type = T_PIPE, .nlink = 0,
                               .ino = __atomic_add_fetch(&pipe_ino, 1, __ATOMIC_RELAXED) };
    *read_end = file_alloc(&pipe_ops, p, true, false);
    *write_end = file_alloc(&pipe_ops, p, false, true);
    if (!*read_end || !*write_end) {
        kfree(*read_end);
        kfree(*write_end);
        kfree(p);
        return -1;
    }
    (*read_end)->ip = (*write_end)->ip = &p->inode;
    (*read_end)->type = (*write_end)->type = T_PIPE;
    return 0;
}
