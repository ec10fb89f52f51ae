/*
 * The console: one output stream mirrored to COM1 and the VGA screen, and
 * one input stream fed by the keyboard and COM1 interrupts.
 *
 * Input is "cooked" by a line discipline: characters are echoed and
 * collected into a line that the keys below edit; Enter (or Ctrl-D) hands
 * the line to readers; Ctrl-D on an empty line reads as end of file.
 *
 *   Backspace, Delete   erase the character before / under the cursor
 *   Ctrl-U, Ctrl-W      erase the line / the word before the cursor
 *   Ctrl-L              clear the screen, redraw the prompt and the line
 *   Left, Right, Home, End   move within the line (typing inserts)
 *   Up, Down            recall earlier lines (the last 32 entered)
 *
 * Other control characters are echoed as ^X and dropped; the escape
 * sequences of other keys (function keys) are consumed. Two keys act at
 * once: Ctrl-C kills the foreground job (see setfg) and discards the input
 * not yet read, Ctrl-P prints the process table. Raw mode (kernel
 * self-tests only) passes every character through untouched.
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

/* Keys that are not characters, as drivers hand them to console_input_key
 * (the serial side sends escape sequences, decoded by console_input). */
enum console_key {
    KEY_UP = 0x100, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_DELETE,
    KEY_FUNCTION,               /* any other: consumed */
};

/* Input side, called from interrupt handlers: a byte from a terminal, or
 * a key (a character or a KEY_*) from the keyboard. */
void console_input(char c);
void console_input_key(int key);
/* Whether the console can take another byte now. The serial driver asks
 * before it reads one, and waits (serial_input_resume) when it cannot. */
bool console_input_room(void);
void console_set_raw(bool raw);
/* Next available character, or -1 when none is waiting (raw mode). */
int console_getc(void);
/* make run's console: input is not echoed (the output holds only what
 * programs write), and once a ^D has been read every later read is at
 * end of file. */
void console_set_batch(bool batch);

#endif
