/*
 * Loader output: every character goes to COM1 (what tests and
 * `make qemu-nox` read) and to the VGA text screen (what a person in
 * front of the QEMU window reads). The BIOS is out of reach in protected
 * mode, so both are driven directly: the UART's transmit register, and
 * character cells in memory at 0xB8000.
 */
#include <stdarg.h>

#include "stage2.h"

#define COM1        0x3F8
#define COM1_LSR    (COM1 + 5)          /* line status register */
#define LSR_THRE    0x20                /* transmit holding register empty */
#define CRTC_INDEX  0x3D4               /* VGA CRT controller */
#define CRTC_DATA   0x3D5
#define CRTC_CURSOR_HIGH 14
#define CRTC_CURSOR_LOW  15
#define COLS        80
#define ROWS        25
#define ATTR        0x0700              /* grey on black */

static volatile uint16_t *const screen = (volatile uint16_t *)VGA_TEXT;
static unsigned pos;                    /* row * COLS + column */

/* A byte of low memory. The empty asm hides the constant address from
 * GCC, which otherwise takes a pointer below 4 KiB for a null-pointer bug. */
static uint8_t peek8(uintptr_t addr)
{
    __asm__("" : "+r"(addr));
    return *(const volatile uint8_t *)addr;
}

/* Continue where the BIOS (and the MBR's messages) left the cursor. */
void console_init(void)
{
    pos = peek8(BDA_CURSOR + 1) * COLS + peek8(BDA_CURSOR);
    if (pos >= COLS * ROWS)
        pos = 0;
}

/* The MBR set the UART up already. Bounded wait: a missing or stuck
 * UART must not hang the loader (the screen still shows everything). */
static void serial_putc(char c)
{
    for (int i = 0; i < 100000 && !(inb(COM1_LSR) & LSR_THRE); i++)
        ;
    outb(COM1, (uint8_t)c);
}

/* The blinking hardware cursor follows our text, as the BIOS's would. */
static void vga_move_cursor(void)
{
    outb(CRTC_INDEX, CRTC_CURSOR_HIGH);
    outb(CRTC_DATA, (uint8_t)(pos >> 8));
    outb(CRTC_INDEX, CRTC_CURSOR_LOW);
    outb(CRTC_DATA, (uint8_t)pos);
}

static void vga_putc(char c)
{
    if (c == '\n') {
        pos += COLS - pos % COLS;
        vga_move_cursor();
    } else {
        screen[pos++] = ATTR | (uint8_t)c;
    }
    if (pos >= COLS * ROWS) {           /* scroll up one line */
        for (unsigned i = 0; i < COLS * (ROWS - 1); i++)
            screen[i] = screen[i + COLS];
        for (unsigned i = COLS * (ROWS - 1); i < COLS * ROWS; i++)
            screen[i] = ATTR | ' ';
        pos -= COLS;
        vga_move_cursor();
    }
}

static void putc(char c)
{
    if (c == '\n')
        serial_putc('\r');
    serial_putc(c);
    vga_putc(c);
}

static void puts_n(const char *s, int width, char pad)
{
    int len = (int)strlen(s);
    for (; width > len; width--)
        putc(pad);
    while (*s)
        putc(*s++);
}

/* Unsigned 32-bit number in base 10 or 16 (no 64-bit division needed). */
static void put_number(uint32_t v, unsigned base, int width, char pad)
{
    char buf[12], *p = buf + sizeof buf;
    *--p = '\0';
    do {
        *--p = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    puts_n(p, width, pad);
}

/* A small printf: %s %c %u %x, an optional '0' flag and width, %%. */
static void vbprintf(const char *fmt, va_list ap)
{
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            putc(*fmt);
            continue;
        }
        char pad = ' ';
        int width = 0;
        if (*++fmt == '0')
            pad = *fmt++;
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        switch (*fmt) {
        case 's': puts_n(va_arg(ap, const char *), width, ' '); break;
        case 'c': putc((char)va_arg(ap, int)); break;
        case 'u': put_number(va_arg(ap, uint32_t), 10, width, pad); break;
        case 'x': put_number(va_arg(ap, uint32_t), 16, width, pad); break;
        case '%': putc('%'); break;
        default: return;                /* a bug in a format: stop there */
        }
    }
}

void bprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vbprintf(fmt, ap);
    va_end(ap);
}

void halt_forever(void)
{
    for (;;)
        __asm__ volatile("cli; hlt");
}

void fatal(const char *fmt, ...)
{
    va_list ap;
    bprintf("boot: error: ");
    va_start(ap, fmt);
    vbprintf(fmt, ap);
    va_end(ap);
    bprintf("\n");
    halt_forever();
}
