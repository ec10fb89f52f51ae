/* The kernel's printf, to the console (serial and VGA). */
#ifndef CORE_KPRINTF_H
#define CORE_KPRINTF_H

#include <stdarg.h>

int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vkprintf(const char *fmt, va_list ap);

#endif
