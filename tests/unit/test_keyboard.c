// Host tests of the PS/2 scancode translation in kernel/dev/keyboard.c.
// sources: kernel/dev/keyboard.c
#include "dev/keyboard.h"
#include "unit.h"

/* keyboard.c's interrupt side needs these; the tests never call them. */
void console_input(char c) { (void)c; }
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

    UNIT_BEGIN("keyboard: releases and extended keys produce nothing");
    CHECK(keyboard_translate(0x9E) == -1);
    CHECK(keyboard_translate(0xE0) == -1);
    CHECK(keyboard_translate(0x48) == -1);      /* E0 48: up arrow */
    CHECK(keyboard_translate(0x7F) == -1);
    UNIT_END();
    UNIT_EXIT();
}
