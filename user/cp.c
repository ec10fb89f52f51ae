/* cp: copies a file to a new name (replacing what was there). */
#include "user.h"

int main(int argc, char **argv)
{
    if (argc != 3 || argv[1][0] == '-') {
        fprintf(2, "usage: cp FROM TO\n");
        return 2;
    }
    return copy_file(argv[1], argv[2], "cp") < 0;
}
