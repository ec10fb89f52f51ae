/*
 * ls: lists the initramfs. `ls DIR` prints the names in DIR (directories
 * end in '/'); plain `ls` prints every path in the archive, walking the
 * directories from the root.
 */
#include "user.h"

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
    (void)dir;
    printf("%s\n", name);
}

static void walk(const char *dir, const char *name)
{
    char path[160];
    snprintf(path, sizeof path, "%s%s", dir, name);
    printf("%s\n", path);
    if (name[strlen(name) - 1] == '/')
        each_name(path, walk);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return each_name("/", walk) < 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-') {
            fprintf(2, "ls: %s: no such option\nusage: ls [DIR...]\n", argv[i]);
            return 2;
        }
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (each_name(argv[i], print_name) < 0) {
            fprintf(2, "ls: %s: no such directory\n", argv[i]);
            status = 1;
        }
    }
    return status;
}
