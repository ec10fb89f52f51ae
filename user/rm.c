/* rm: removes each named file (or empty directory). */
#include "user.h"

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(2, "usage: rm FILE...\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (unlink(argv[i]) < 0) {
            fprintf(2, "rm: %s: cannot remove (missing, or a directory not empty)\n", argv[i]);
            status = 1;
        }
    }
    return status;
}
