/* Small C library functions the kernel's lib/string.c does not have. */
#include "user.h"

char *strcpy(char *dst, const char *src)
{
    char *d = dst;
    while ((*d++ = *src++) != '\0')
        ;
    return dst;
}

int atoi(const char *s)
{
    int sign = 1, n = 0;
    while (*s == ' ')
        s++;
    if (*s == '-' || *s == '+')
        sign = *s++ == '-' ? -1 : 1;
    while (*s >= '0' && *s <= '9')
        n = n * 10 + (*s++ - '0');
    return sign * n;
}

int parse_number(const char *s, int *out)
{
    int n = 0;
    if (*s == '\0')
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || n > (0x7FFFFFFF - (*s - '0')) / 10)
            return -1;
        n = n * 10 + (*s - '0');
    }
    *out = n;
    return 0;
}

char *gets_fd(int fd, char *buf, int n)
{
    int i = 0;
    while (i + 1 < n) {
        char c;
        if (read(fd, &c, 1) != 1)
            break;
        buf[i++] = c;
        if (c == '\n')
            break;
    }
    buf[i] = '\0';
    return buf;
}
