/* The PS/2 keyboard: scancodes in, characters out to console_input(). */
#ifndef DEV_KEYBOARD_H
#define DEV_KEYBOARD_H

void keyboard_init(void);
/* Translates one scancode-set-1 byte; returns the character or KEY_* (see
 * dev/console.h), or -1. Pure apart from the modifier and E0-prefix state
 * it keeps (shift, ctrl, caps lock). */
int keyboard_translate(unsigned char scancode);

#endif
