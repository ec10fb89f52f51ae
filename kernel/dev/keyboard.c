/*
 * PS/2 keyboard on IRQ 1. The controller hands us scancode set 1 bytes
 * (the 8042 translates): a key's make code, and make | 0x80 on release.
 * We track shift, ctrl and caps lock and turn key presses into ASCII;
 * ctrl+letter gives the control character (Ctrl-C = 3, Ctrl-P = 16).
 * Keys with an E0 prefix (arrows, Home, End, Delete, keypad Enter) and
 * the function keys become the console's KEY_* codes.
 */
#include "dev/keyboard.h"

#include <stdbool.h>

#include "arch/x86/trap.h"
#include "arch/x86/x86.h"
#include "dev/console.h"

#define KBD_DATA    0x60
#define KBD_STATUS  0x64
#define KBD_HAS_DATA 0x01
#define IRQ_KEYBOARD 1

#define SC_LSHIFT   0x2A
#define SC_RSHIFT   0x36
#define SC_CTRL     0x1D
#define SC_CAPS     0x3A
#define SC_RELEASE  0x80
#define SC_EXTENDED 0xE0

/* US layout, indexed by make code: unshifted, then shifted. */
static const char plain[0x3A] =
    "\0\x1b" "1234567890-=\b"
    "\tqwertyuiop[]\n"
    "\0asdfghjkl;'`"
    "\0\\zxcvbnm,./\0*\0 ";
static const char shifted[0x3A] =
    "\0\x1b" "!@#$%^&*()_+\b"
    "\tQWERTYUIOP{}\n"
    "\0ASDFGHJKL:\"~"
    "\0|ZXCVBNM<>?\0*\0 ";

#define SC_F1       0x3B
#define SC_F10      0x44
#define SC_F11      0x57
#define SC_F12      0x58

static bool shift, ctrl, caps, extended;

/* The key an E0-prefixed make code stands for, or -1. */
static int extended_key(unsigned char sc)
{
    switch (sc) {
    case 0x48: return KEY_UP;
    case 0x50: return KEY_DOWN;
    case 0x4B: return KEY_LEFT;
    case 0x4D: return KEY_RIGHT;
    case 0x47: return KEY_HOME;
    case 0x4F: return KEY_END;
    case 0x53: return KEY_DELETE;
    case 0x1C: return '\n';            /* keypad Enter */
    case 0x35: return '/';             /* keypad / */
    }
    return -1;
}

int keyboard_translate(unsigned char sc)
{
    if (sc == SC_EXTENDED) {
        extended = true;
        return -1;
    }
    bool release = sc & SC_RELEASE;
    sc &= ~SC_RELEASE;
    bool was_extended = extended;
    extended = false;
    if (sc == SC_LSHIFT || sc == SC_RSHIFT) {
        shift = !release;
        return -1;
    }
    if (sc == SC_CTRL) {                /* left ctrl, or right (E0 1D) */
        ctrl = !release;
        return -1;
    }
    if (release)
        return -1;
    if (was_extended)
        return extended_key(sc);
    if ((sc >= SC_F1 && sc <= SC_F10) || sc == SC_F11 || sc == SC_F12)
        return KEY_FUNCTION;
    if (sc == SC_CAPS) {
        caps = !caps;
        return -1;
    }
    if (sc >= sizeof plain)
        return -1;
    char c = shift ? shifted[sc] : plain[sc];
    if (caps && c >= 'a' && c <= 'z')
        c -= 'a' - 'A';
    else if (caps && c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
    if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\\'))
        c &= 0x1F;                      /* Ctrl-\\ is 0x1C, Ctrl-Z 0x1A */
    return c ? c : -1;
}

static void keyboard_interrupt(struct trapframe *tf)
{
    (void)tf;
    while (inb(KBD_STATUS) & KBD_HAS_DATA) {
        int c = keyboard_translate(inb(KBD_DATA));
        if (c >= 0)
            console_input_key(c);
    }
}

void keyboard_init(void)
{
    while (inb(KBD_STATUS) & KBD_HAS_DATA)  /* drop what the BIOS left */
        (void)inb(KBD_DATA);
    irq_register(IRQ_KEYBOARD, keyboard_interrupt, "PS/2 keyboard");
}
