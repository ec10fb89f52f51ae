/* open() flags and lseek() origins. Shared by kernel and user. */
#ifndef ABI_FCNTL_H
#define ABI_FCNTL_H

/* The access mode: exactly one of these three (xv6's values). */
#define O_RDONLY  0
#define O_WRONLY  1
#define O_RDWR    2
#define O_ACCMODE 3

/* Modifiers, or'ed into the access mode (names as POSIX, values ours). */
#define O_CREAT   0x100     /* create a missing file (never a directory) */
#define O_TRUNC   0x200     /* empty an existing file opened for writing */
#define O_APPEND  0x400     /* every write goes to the end, atomically */
#define O_EXCL    0x800     /* with O_CREAT: fail if the name exists */

/* lseek(fd, offset, whence): the offset counts from */
#define SEEK_SET  0         /* the start of the file */
#define SEEK_CUR  1         /* the current offset */
#define SEEK_END  2         /* the end of the file */

#endif
