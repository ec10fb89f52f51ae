/* suspend PID...: calls suspend() on each pid; fails if any call fails. */
#include "user.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(2, "usage: suspend PID...\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (suspend(atoi(argv[i])) < 0) {
            fprintf(2, "suspend: %s: no such process (or not allowed)\n", argv[i]);
            status = 1;
        }
    }
    return status;
}
