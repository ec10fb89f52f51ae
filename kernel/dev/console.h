/*
 * The console: one output stream mirrored to COM1 and the VGA screen, and
 * one input stream fed by the keyboard and COM1 interrupts.
 *
 * Input is "cooked" by a line discipline: characters are echoed and
 * collected into a line that backspace edits; Enter (or Ctrl-D) hands the
 * line to readers; Ctrl-D on an empty line reads as end of file. Two
 * keys act at once: Ctrl-C kills the foreground job (see setfg) and
 * discards the input not yet read, Ctrl-P prints the process table. Raw mode (kernel self-tests only) passes
 * every character through untouched.
 */
#ifndef DEV_CONSOLE_H
#define DEV_CONSOLE_H

#include <stdbool.h>

void console_init(void);
void console_putc(char c);
void console_write(const char *s, int n);
/* From here on, output ignores the lock (panic only). */
void console_unlock_for_panic(void);

/* Kernel messages: the console, or COM2 alone with the boot option
 * klog=com2 (make run keeps the program's output clean that way). */
void klog_write(const char *s, int n);
/* Reads klog= once the command line is parsed; until then, and without
 * it (or without a COM2 port), kernel messages go to the console. */
void klog_init(void);

/* Input side. console_input() is called from interrupt handlers. */
void console_input(char c);
void console_set_raw(bool raw);
/* Next available character, or -1 when none is waiting (raw mode). */
int console_getc(void);
/* make run's console: input is not echoed (the output holds only what
 * programs write), and once a ^D has been read every later read is at
 * end of file. */
void console_set_batch(bool batch);

#endif
