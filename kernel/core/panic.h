/*
 * Failing loudly. panic() is for kernel bugs only: it prints the message,
 * where it was called, the trap's registers if any, and a symbolized
 * backtrace, then stops the machine. ASSERT(cond) panics with the
 * condition's text when cond is false.
 */
#ifndef CORE_PANIC_H
#define CORE_PANIC_H

struct trapframe;

#define panic(...) panic_at(__FILE__, __LINE__, 0, __VA_ARGS__)
#define panic_trap(tf, ...) panic_at(__FILE__, __LINE__, (tf), __VA_ARGS__)
#define ASSERT(cond) \
    ((cond) ? (void)0 : panic_at(__FILE__, __LINE__, 0, "assertion failed: %s", #cond))

void panic_at(const char *file, int line, const struct trapframe *tf, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 4, 5)));

/* Stops the machine after a fatal error: powers off when the boot option
 * `poweroff` is given (tests), else halts so the message stays on screen. */
void kernel_stop(int status) __attribute__((noreturn));

#endif
