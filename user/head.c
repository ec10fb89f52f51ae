/* head: prints the first lines (10, or -n N) of a file or standard input. */
#include "user.h"

static int usage(void)
{
    fprintf(2, "usage: head [-n N] [FILE]\n");
    return 2;
}

int main(int argc, char **argv)
{
    int lines = 10, i = 1;
    if (argc > 1 && strcmp(argv[1], "-n") == 0) {
        if (argc < 3 || parse_number(argv[2], &lines) < 0)
            return usage();
        i = 3;
    }
    if (argc - i > 1 || (i < argc && argv[i][0] == '-'))
        return usage();
    int fd = i < argc ? open(argv[i], O_RDONLY) : 0;
    if (fd < 0) {
        fprintf(2, "head: %s: no such file\n", argv[i]);
        return 1;
    }
    char line[512];
    for (int n = 0; n < lines; n++) {
        gets_fd(fd, line, sizeof line);
        if (!line[0])
            break;
        printf("%s", line);
    }
    return 0;
}
