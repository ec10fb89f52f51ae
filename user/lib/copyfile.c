/* copy_file: cp's and mv's copy; see user.h. */
#include "user.h"

static int copy_fds(int in, int out)
{
    char buf[1024];
    int n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, n) != n)
            return -1;
    return n;
}

int copy_file(const char *from, const char *to, const char *who)
{
    struct stat a, b;
    int in = open(from, O_RDONLY);
    if (in < 0 || fstat(in, &a) < 0 || a.type != T_FILE) {
        fprintf(2, "%s: %s: no such file\n", who, from);
        if (in >= 0)
            close(in);
        return -1;
    }
    if (stat(to, &b) == 0 && b.ino == a.ino) {
        fprintf(2, "%s: %s and %s are the same file\n", who, from, to);
        close(in);
        return -1;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC);
    if (out < 0) {
        fprintf(2, "%s: %s: cannot create\n", who, to);
        close(in);
        return -1;
    }
    int r = copy_fds(in, out);
    if (r < 0)
        fprintf(2, "%s: %s: write failed (out of memory?)\n", who, to);
    close(in);
    close(out);
    return r;
}
