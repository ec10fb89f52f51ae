/* kprintf: lib/format.c's formatting, one console_putc per character. */
#include "core/kprintf.h"

#include "dev/console.h"
#include "lib/format.h"

static void emit_console(void *ctx, char c)
{
    (void)ctx;
    console_putc(c);
}

int vkprintf(const char *fmt, va_list ap)
{
    return format(emit_console, 0, fmt, ap);
}

int kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vkprintf(fmt, ap);
    va_end(ap);
    return n;
}
