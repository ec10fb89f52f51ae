/* stat() and fstat(): what a file is. Shared by kernel and user. */
#ifndef ABI_STAT_H
#define ABI_STAT_H

/* struct stat's type. */
#define T_FILE 1            /* a regular file */
#define T_DIR  2            /* a directory */
#define T_DEV  3            /* a device (the console) */
#define T_PIPE 4            /* one end of a pipe */

/* Limits of names: a path component has at most MAXNAME characters, a
 * whole path at most MAXPATH - 1 (longer ones make the call fail). */
#define MAXNAME 27
#define MAXPATH 128

struct stat {
    int type;               /* T_FILE, T_DIR, T_DEV or T_PIPE */
    unsigned int size;      /* bytes (a directory: its entries; a pipe, the console: 0) */
    unsigned int ino;       /* the inode's number, unique within its file system */
    int nlink;              /* names that refer to it (0: unlinked but still open) */
};

#endif
