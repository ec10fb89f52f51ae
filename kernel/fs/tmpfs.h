/*
 * tmpfs: a file system in memory, mounted at "/". A file's bytes live in
 * frames from the frame allocator, one per 4 KiB page of the file, taken
 * as writes reach them and returned when the file is truncated or its
 * last name and last reference go. A file from the initramfs is read in
 * place until it is first written or truncated (then copied to frames).
 */
#ifndef FS_TMPFS_H
#define FS_TMPFS_H

struct inode;

/* Frames file data never takes: what running processes' page faults,
 * forks and execs can still count on when files have filled memory
 * (docs/memory.md, "Running out of memory"). 128 frames = 512 KiB. */
#define TMPFS_RESERVE_FRAMES 128
/* The largest file: 1000 pages (4,096,000 bytes). */
#define TMPFS_MAX_PAGES 1000

/* Builds the tree from the initramfs's entries; returns its root. */
struct inode *tmpfs_mount(void);

#endif
