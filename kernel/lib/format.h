/*
 * printf-style formatting, shared by the kernel's kprintf, snprintf and
 * the host unit tests. Conversions: %d %i %u %x %X %p %s %c %%, with the
 * flags '-' (left-justify) and '0' (zero padding), a width (digits or *),
 * and the length modifiers l and ll. %p prints 0x and 8 hex digits.
 * Anything else is printed as it stands, so a bad format is visible.
 */
#ifndef LIB_FORMAT_H
#define LIB_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Called once per output character, with the caller's context. */
typedef void (*format_emit_fn)(void *ctx, char c);

/* Formats fmt/ap through emit; returns the number of characters emitted. */
int format(format_emit_fn emit, void *ctx, const char *fmt, va_list ap);

/* As C's: writes at most n-1 characters and a NUL; returns the full length. */
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);
int snprintf(char *buf, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
