/* printf-style formatting; see format.h for what it accepts. */
#include "lib/format.h"

#include <stdbool.h>
#include <stdint.h>

struct spec {
    bool left;          /* '-' */
    bool zero;          /* '0' */
    int width;
};

struct out {
    format_emit_fn emit;
    void *ctx;
    int count;
};

static void put(struct out *o, char c)
{
    o->emit(o->ctx, c);
    o->count++;
}

static void pad(struct out *o, char c, int n)
{
    while (n-- > 0)
        put(o, c);
}

/* Emits s (len bytes) with sign/prefix, honouring width and padding. */
static void field(struct out *o, const struct spec *sp, const char *prefix,
                  const char *s, int len)
{
    int plen = 0;
    while (prefix[plen])
        plen++;
    int fill = sp->width - len - plen;
    if (!sp->left && !sp->zero)
        pad(o, ' ', fill);
    for (int i = 0; i < plen; i++)
        put(o, prefix[i]);
    if (!sp->left && sp->zero)
        pad(o, '0', fill);
    for (int i = 0; i < len; i++)
        put(o, s[i]);
    if (sp->left)
        pad(o, ' ', fill);
}

static void number(struct out *o, const struct spec *sp, unsigned long long v,
                   unsigned base, bool upper, const char *prefix)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[24];
    int i = sizeof buf;
    do {
        buf[--i] = digits[v % base];
        v /= base;
    } while (v);
    field(o, sp, prefix, buf + i, (int)sizeof buf - i);
}

/* Reads one conversion's argument according to its length modifier. */
static long long signed_arg(va_list *ap, int longs)
{
    if (longs >= 2)
        return va_arg(*ap, long long);
    if (longs == 1)
        return va_arg(*ap, long);
    return va_arg(*ap, int);
}

static unsigned long long unsigned_arg(va_list *ap, int longs)
{
    if (longs >= 2)
        return va_arg(*ap, unsigned long long);
    if (longs == 1)
        return va_arg(*ap, unsigned long);
    return va_arg(*ap, unsigned int);
}

/* Parses flags and width after '%'; returns the first unparsed char. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
    *sp = (struct spec){ 0 };
    for (;; f++) {
        if (*f == '-')
            sp->left = true;
        else if (*f == '0')
            sp->zero = true;
        else
            break;
    }
    if (*f == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {
            sp->left = true;
            sp->width = -sp->width;
        }
        f++;
    }
    while (*f >= '0' && *f <= '9')
        sp->width = sp->width * 10 + (*f++ - '0');
    if (sp->left)
        sp->zero = false;
    return f;
}

static void convert(struct out *o, char c, const struct spec *sp, int longs, va_list *ap)
{
    switch (c) {
    case 'd':
    case 'i': {
        long long v = signed_arg(ap, longs);
        unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
        number(o, sp, mag, 10, false, v < 0 ? "-" : "");
        break;
    }
    case 'u': number(o, sp, unsigned_arg(ap, longs), 10, false, ""); break;
    case 'x': number(o, sp, unsigned_arg(ap, longs), 16, false, ""); break;
    case 'X': number(o, sp, unsigned_arg(ap, longs), 16, true, ""); break;
    case 'p': {
        struct spec p = { .left = sp->left, .zero = true, .width = 10 };
        number(o, &p, (uintptr_t)va_arg(*ap, void *), 16, false, "0x");
        break;
    }
    case 'c': {
        char ch = (char)va_arg(*ap, int);
        field(o, sp, "", &ch, 1);
        break;
    }
    case 's': {
        const char *s = va_arg(*ap, const char *);
        if (!s)
            s = "(null)";
        int len = 0;
        while (s[len])
            len++;
        struct spec sp2 = *sp;
        sp2.zero = false;
        field(o, &sp2, "", s, len);
        break;
    }
    case '%': put(o, '%'); break;
    default:  put(o, '%'); if (c) put(o, c); break;
    }
}

int format(format_emit_fn emit, void *ctx, const char *fmt, va_list ap)
{
    struct out o = { emit, ctx, 0 };
    va_list args;
    va_copy(args, ap);
    while (*fmt) {
        if (*fmt != '%') {
            put(&o, *fmt++);
            continue;
        }
        struct spec sp;
        fmt = parse_spec(fmt + 1, &sp, &args);
        int longs = 0;
        while (*fmt == 'l') {
            longs++;
            fmt++;
        }
        convert(&o, *fmt, &sp, longs, &args);
        if (*fmt)
            fmt++;
    }
    va_end(args);
    return o.count;
}

struct strbuf {
    char *buf;
    size_t cap;     /* bytes available, including the NUL */
    size_t len;
};

static void strbuf_emit(void *ctx, char c)
{
    struct strbuf *b = ctx;
    if (b->len + 1 < b->cap)
        b->buf[b->len] = c;
    b->len++;
}

int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
    struct strbuf b = { buf, n, 0 };
    int len = format(strbuf_emit, &b, fmt, ap);
    if (n > 0)
        buf[b.len < n ? b.len : n - 1] = '\0';
    return len;
}

int snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    return len;
}
