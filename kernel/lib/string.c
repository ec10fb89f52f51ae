/*
 * Memory and string functions. memset/memcpy use `rep` string
 * instructions: one instruction for the whole block, the fastest simple
 * way on x86 and in QEMU.
 */
#include "lib/string.h"

#include <stdint.h>

void *memset(void *dst, int c, size_t n)
{
    void *d = dst;
    if (((uintptr_t)dst & 3) == 0) {
        /* Four bytes per iteration (QEMU's icount counts each one), then
         * the odd end byte by byte. */
        uint32_t word = (uint8_t)c * 0x01010101u;
        size_t words = n / 4;
        __asm__ volatile("rep stosl" : "+D"(d), "+c"(words) : "a"(word) : "memory");
        n &= 3;
    }
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
    return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
    void *d = dst;
    if ((((uintptr_t)dst | (uintptr_t)src) & 3) == 0) {
        size_t words = n / 4;           /* as memset: words, then the odd end */
        __asm__ volatile("rep movsl" : "+D"(d), "+S"(src), "+c"(words) : : "memory");
        n &= 3;
    }
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(n) : : "memory");
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d <= s || d >= s + n)
        return memcpy(dst, src, n);
    while (n--)                 /* overlapping, destination above: backwards */
        d[n] = s[n];
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++)
        if (x[i] != y[i])
            return x[i] - y[i];
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
    for (; n > 0; n--, a++, b++) {
        if (*a != *b || !*a)
            return (unsigned char)*a - (unsigned char)*b;
    }
    return 0;
}

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return 0;
    }
}

size_t strlcpy(char *dst, const char *src, size_t n)
{
    size_t len = strlen(src);
    if (n > 0) {
        size_t k = len < n - 1 ? len : n - 1;
        memcpy(dst, src, k);
        dst[k] = '\0';
    }
    return len;
}
