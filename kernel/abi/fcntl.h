/* open() flags (xv6's values). Shared by kernel and user. */
#ifndef ABI_FCNTL_H
#define ABI_FCNTL_H

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR   2

#endif
