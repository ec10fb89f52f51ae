/* grep: prints the lines that contain a fixed string. */
#include "user.h"

static int contains(const char *line, const char *word)
{
    size_t n = strlen(word);
    for (; *line; line++)
        if (strncmp(line, word, n) == 0)
            return 1;
    return n == 0;
}

/* Prints matching lines of fd; returns 1 if any matched. */
static int search(int fd, const char *word, const char *prefix)
{
    char line[512];
    int found = 0;
    for (;;) {
        gets_fd(fd, line, sizeof line);
        if (!line[0])
            return found;
        if (contains(line, word)) {
            found = 1;
            size_t len = strlen(line);
            printf("%s%s%s", prefix ? prefix : "", prefix ? ":" : "", line);
            if (line[len - 1] != '\n')
                printf("\n");
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 2 || argv[1][0] == '-') {
        fprintf(2, "usage: grep STRING [FILE...]\n");
        return 2;
    }
    if (argc == 2)
        return !search(0, argv[1], 0);
    int found = 0, status = 0;
    for (int i = 2; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) {
            fprintf(2, "grep: %s: no such file\n", argv[i]);
            status = 2;
            continue;
        }
        found |= search(fd, argv[1], argc > 3 ? argv[i] : 0);
        close(fd);
    }
    return status ? status : !found;
}
