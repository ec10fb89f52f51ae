/*
 * kprintf: lib/format.c's formatting into a line buffer, handed to
 * klog_write (dev/console.c) a buffer at a time, so that a message reaches
 * the log in one piece (the console, or COM2 alone with klog=com2).
 */
#include "core/kprintf.h"

#include "dev/console.h"
#include "lib/format.h"

/* Collects a message so the log gets it in one piece. */
struct linebuf {
    char buf[256];
    int len;
};

static void flush(struct linebuf *b)
{
    klog_write(b->buf, b->len);
    b->len = 0;
}

static void emit(void *ctx, char c)
{
    struct linebuf *b = ctx;
    b->buf[b->len++] = c;
    if (b->len == (int)sizeof b->buf)
        flush(b);
}

int vkprintf(const char *fmt, va_list ap)
{
    struct linebuf b;
    b.len = 0;
    int n = format(emit, &b, fmt, ap);
    flush(&b);
    return n;
}

int kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vkprintf(fmt, ap);
    va_end(ap);
    return n;
}
