// Host tests of the PS/2 scancode translation in kernel/dev/keyboard.c.
// sources: kernel/dev/keyboard.c
#include "dev/console.h"
#include "dev/keyboard.h"
#include "unit.h"

/* keyboard.c's interrupt side needs these; the tests never call them. */
void console_input_key(int key) { (void)key; }
void irq_register(int irq, void *fn, const char *name) { (void)irq; (void)fn; (void)name; }

static int press(unsigned char sc) { return keyboard_translate(sc); }
static void release(unsigned char sc) { keyboard_translate(sc | 0x80); }

int main(void)
{
    UNIT_BEGIN("keyboard: letters, digits, enter, backspace");
    CHECK(press(0x1E) == 'a');
    release(0x1E);
    CHECK(press(0x02) == '1');
    CHECK(press(0x1C) == '\n');
    CHECK(press(0x0E) == '\b');
    CHECK(press(0x39) == ' ');
    UNIT_END();

    UNIT_BEGIN("keyboard: shift and caps lock");
    press(0x2A);                        /* left shift down */
    CHECK(press(0x1E) == 'A');
    CHECK(press(0x02) == '!');
    release(0x2A);
    CHECK(press(0x1E) == 'a');
    press(0x3A);                        /* caps lock on */
    CHECK(press(0x1E) == 'A');
    CHECK(press(0x02) == '1');
    press(0x3A);                        /* off */
    CHECK(press(0x1E) == 'a');
    UNIT_END();

    UNIT_BEGIN("keyboard: ctrl gives control characters (Ctrl-C, Ctrl-P)");
    press(0x1D);
    CHECK(press(0x2E) == 3);            /* c */
    CHECK(press(0x19) == 16);           /* p */
    release(0x1D);
    CHECK(press(0x2E) == 'c');
    UNIT_END();

    UNIT_BEGIN("keyboard: releases and unknown codes produce nothing");
    CHECK(keyboard_translate(0x9E) == -1);
    CHECK(keyboard_translate(0x7F) == -1);
    CHECK(keyboard_translate(0x1D) == -1);      /* ctrl alone */
    release(0x1D);
    UNIT_END();

    UNIT_BEGIN("keyboard: E0-prefixed keys: arrows, Home, End, Delete, keypad");
    static const struct { unsigned char sc; int key; } ext[] = {
        { 0x48, KEY_UP }, { 0x50, KEY_DOWN }, { 0x4B, KEY_LEFT }, { 0x4D, KEY_RIGHT },
        { 0x47, KEY_HOME }, { 0x4F, KEY_END }, { 0x53, KEY_DELETE },
        { 0x1C, '\n' }, { 0x35, '/' },
    };
    for (unsigned i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        CHECK(keyboard_translate(0xE0) == -1);
        CHECK(keyboard_translate(ext[i].sc) == ext[i].key);
        CHECK(keyboard_translate(0xE0) == -1);
        CHECK(keyboard_translate(ext[i].sc | 0x80) == -1);      /* its release */
    }
    /* Without the prefix, 0x48 is the keypad's 8 and no arrow. */
    CHECK(keyboard_translate(0x48) != KEY_UP);
    /* The prefix applies to one code only. */
    keyboard_translate(0xE0);
    keyboard_translate(0x48);
    CHECK(press(0x1E) == 'a');
    UNIT_END();

    UNIT_BEGIN("keyboard: function keys F1-F12 are consumed as KEY_FUNCTION");
    for (unsigned char sc = 0x3B; sc <= 0x44; sc++)
        CHECK(press(sc) == KEY_FUNCTION);
    CHECK(press(0x57) == KEY_FUNCTION);
    CHECK(press(0x58) == KEY_FUNCTION);
    CHECK(keyboard_translate(0x3B | 0x80) == -1);
    UNIT_END();
    UNIT_EXIT();
}
