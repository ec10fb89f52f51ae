/* mv: renames a file (a copy to the new name, then an unlink of the old). */
#include "user.h"

int main(int argc, char **argv)
{
    if (argc != 3 || argv[1][0] == '-') {
        fprintf(2, "usage: mv FROM TO\n");
        return 2;
    }
    struct stat st;
    if (stat(argv[1], &st) == 0 && st.type == T_DIR) {
        fprintf(2, "mv: %s: cannot move a directory\n", argv[1]);
        return 1;
    }
    if (copy_file(argv[1], argv[2], "mv") < 0)
        return 1;
    if (unlink(argv[1]) < 0) {
        fprintf(2, "mv: %s: cannot remove\n", argv[1]);
        return 1;
    }
    return 0;
}
