/* touch: creates each named file if it does not exist. */
#include "user.h"

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(2, "usage: touch FILE...\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_WRONLY | O_CREAT);
        if (fd < 0) {
            fprintf(2, "touch: %s: cannot create\n", argv[i]);
            status = 1;
            continue;
        }
        close(fd);
    }
    return status;
}
