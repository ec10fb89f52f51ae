/*
 * Path text: splitting a path into components and making a path absolute.
 * Pure string work (no inodes), shared by path lookup (fs/vfs.c) and chdir,
 * and unit-tested on the host (tests/unit/test_path.c).
 */
#ifndef FS_PATH_H
#define FS_PATH_H

#include "abi/stat.h"

/* The next component of *path into name, advancing *path past it:
 * 1, or 0 at the end of the path (only slashes left), or -1 if the
 * component is longer than MAXNAME. Repeated slashes count as one. */
int path_next(const char **path, char name[MAXNAME + 1]);

/* The absolute form of path, relative to the absolute directory cwd,
 * with "." and ".." applied ("/.." is "/") and single slashes, into out
 * (MAXPATH bytes): 0, or -1 if a component or the result is too long.
 * With no symbolic links and no hard links to directories, this text is
 * where a lookup of path from cwd ends. */
int path_absolute(const char *cwd, const char *path, char out[MAXPATH]);

#endif
