/* wc: counts the lines, words and bytes of each file (or standard input). */
#include "user.h"

static int count(int fd, const char *name)
{
    char buf[512];
    int n, lines = 0, words = 0, bytes = 0, inword = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        for (int i = 0; i < n; i++) {
            int space = buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n';
            lines += buf[i] == '\n';
            words += !space && !inword;
            inword = !space;
        }
        bytes += n;
    }
    printf("%d %d %d%s%s\n", lines, words, bytes, name ? " " : "", name ? name : "");
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return count(0, 0) < 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-') {
            fprintf(2, "usage: wc [FILE...]\n");
            return 2;
        }
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(2, "wc: %s: no such file\n", argv[i]);
            status = 1;
            continue;
        }
        if (count(fd, argv[i]) < 0)
            status = 1;
        close(fd);
    }
    return status;
}
