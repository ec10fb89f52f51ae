/*
 * The console: one output stream mirrored to COM1 and the VGA screen, and
 * one input stream fed by the keyboard and COM1 interrupts.
 */
#ifndef DEV_CONSOLE_H
#define DEV_CONSOLE_H

void console_init(void);
void console_putc(char c);
void console_write(const char *s, int n);
/* From here on, output ignores the lock (panic only). */
void console_unlock_for_panic(void);

/* Input side. console_input() is called from interrupt handlers. */
void console_input(char c);
/* Next typed character, or -1 when none is waiting. */
int console_getc(void);

#endif
