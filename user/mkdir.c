/* mkdir: makes each named directory. */
#include "user.h"

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(2, "usage: mkdir DIR...\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (mkdir(argv[i]) < 0) {
            fprintf(2, "mkdir: %s: cannot create (exists, or no such parent)\n", argv[i]);
            status = 1;
        }
    }
    return status;
}
