/* printf and fprintf: the kernel's formatter (kernel/lib/format.c), with
 * output buffered and written with one write() per call. */
#include "lib/format.h"
#include "user.h"

struct outbuf {
    int fd;
    int len;
    char buf[256];
};

static void flush(struct outbuf *o)
{
    if (o->len > 0)
        write(o->fd, o->buf, o->len);
    o->len = 0;
}

static void emit(void *ctx, char c)
{
    struct outbuf *o = ctx;
    o->buf[o->len++] = c;
    if (o->len == (int)sizeof o->buf)
        flush(o);
}

static int vfprintf_fd(int fd, const char *fmt, va_list ap)
{
    struct outbuf o;
    o.fd = fd;
    o.len = 0;
    int n = format(emit, &o, fmt, ap);
    flush(&o);
    return n;
}

int fprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf_fd(fd, fmt, ap);
    va_end(ap);
    return n;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfprintf_fd(1, fmt, ap);
    va_end(ap);
    return n;
}
