/*
 * ls: lists directories. `ls DIR` prints the names in DIR (directories
 * end in '/'); plain `ls` prints every path, walking the tree from the
 * root; `ls -l` adds each name's type and size. A file argument prints
 * its own name.
 */
#include "user.h"

static int long_format;

static const char *type_name(int type)
{
    return type == T_FILE ? "file" : type == T_DIR ? "dir" : type == T_DEV ? "dev" : "pipe";
}

/* Prints one name; with -l, its type and size first (path is where it is). */
static void show(const char *path, const char *name)
{
    struct stat st;
    if (long_format && stat(path, &st) == 0)
        printf("%-4s %8u %s\n", type_name(st.type), st.size, name);
    else
        printf("%s\n", name);
}

/* Calls fn for each name in directory path; returns -1 if it cannot open. */
static int each_name(const char *path, void (*fn)(const char *dir, const char *name))
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    char name[128];
    for (;;) {
        gets_fd(fd, name, sizeof name);
        int len = (int)strlen(name);
        if (len == 0)
            break;
        if (name[len - 1] == '\n')
            name[len - 1] = '\0';
        fn(path, name);
    }
    close(fd);
    return 0;
}

static void print_name(const char *dir, const char *name)
{
    char path[MAXPATH + MAXNAME + 2];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    show(path, name);
}

static void walk(const char *dir, const char *name)
{
    char path[MAXPATH + MAXNAME + 2];
    snprintf(path, sizeof path, "%s%s", dir, name);
    show(path, path);
    if (name[strlen(name) - 1] == '/')
        each_name(path, walk);
}

static int list(const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return -1;
    if (st.type != T_DIR) {
        show(path, path);
        return 0;
    }
    return each_name(path, print_name);
}

int main(int argc, char **argv)
{
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "-l") == 0) {
        long_format = 1;
        first = 2;
    }
    for (int i = first; i < argc; i++) {
        if (argv[i][0] == '-') {
            fprintf(2, "ls: %s: no such option\nusage: ls [-l] [DIR...]\n", argv[i]);
            return 2;
        }
    }
    if (first == argc)
        return each_name("/", walk) < 0;
    int status = 0;
    for (int i = first; i < argc; i++) {
        if (list(argv[i]) < 0) {
            fprintf(2, "ls: %s: no such file or directory\n", argv[i]);
            status = 1;
        }
    }
    return status;
}
