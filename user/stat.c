/* stat: prints each named file's type, size, inode number and link count. */
#include "user.h"

static const char *type_name(int type)
{
    return type == T_FILE ? "file" : type == T_DIR ? "dir" : type == T_DEV ? "dev"
         : type == T_PIPE ? "pipe" : "?";
}

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(2, "usage: stat FILE...\n");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) < 0) {
            fprintf(2, "stat: %s: no such file\n", argv[i]);
            status = 1;
            continue;
        }
        printf("%s: type %s size %u ino %u nlink %d\n", argv[i], type_name(st.type), st.size,
               st.ino, st.nlink);
    }
    return status;
}
