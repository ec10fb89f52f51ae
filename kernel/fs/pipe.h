/* Pipes: a bounded byte buffer between a read end and a write end. */
#ifndef FS_PIPE_H
#define FS_PIPE_H

struct file;

#define PIPE_SIZE 1024          /* bytes buffered; writers block when full */

/* Two new files, the read end and the write end; -1 when out of memory. */
int pipe_create(struct file **read_end, struct file **write_end);

#endif
