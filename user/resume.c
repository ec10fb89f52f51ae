/* resume PID...: calls resume() on each pid; fails if any call fails. */
#include "user.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(2, "usage: resume PID...\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (resume(atoi(argv[i])) < 0) {
            fprintf(2, "resume: %s: no such process (or not allowed)\n", argv[i]);
            status = 1;
        }
    }
    return status;
}
