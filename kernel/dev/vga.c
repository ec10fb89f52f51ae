/*
 * VGA text mode: 80x25 cells at physical 0xB8000, each a character byte
 * and a colour byte. Scrolls at the bottom; moves the blinking hardware
 * cursor through the CRT controller (ports 0x3D4/0x3D5).
 * Callers serialise (the console lock).
 */
#include "dev/vga.h"

#include <stdint.h>

#include "arch/x86/x86.h"
#include "lib/string.h"
#include "mm/memlayout.h"

#define COLS    80
#define ROWS    25
#define COLOUR  0x07            /* light grey on black */
#define CRTC_INDEX 0x3D4
#define CRTC_DATA  0x3D5

static uint16_t *const screen = (uint16_t *)P2V(0xB8000);
static int pos;                 /* cursor: row * COLS + column */

static void move_cursor(void)
{
    outb(CRTC_INDEX, 14);
    outb(CRTC_DATA, (uint8_t)(pos >> 8));
    outb(CRTC_INDEX, 15);
    outb(CRTC_DATA, (uint8_t)pos);
}

static void clear_cells(int from, int count)
{
    for (int i = 0; i < count; i++)
        screen[from + i] = (COLOUR << 8) | ' ';
}

void vga_init(void)
{
    clear_cells(0, COLS * ROWS);
    pos = 0;
    move_cursor();
}

void vga_clear(void)
{
    vga_init();
}

void vga_putc(char c)
{
    switch (c) {
    case '\n': pos += COLS - pos % COLS; break;
    case '\r': pos -= pos % COLS; break;
    case '\t': pos = (pos + 8) & ~7; break;
    case '\a': break;          /* the bell: no sound here, and no glyph */
    case '\b':                 /* moves left, as a terminal's does */
        if (pos % COLS)
            pos--;
        break;
    default:
        screen[pos++] = (COLOUR << 8) | (uint8_t)c;
        break;
    }
    if (pos >= COLS * ROWS) {
        memmove(screen, screen + COLS, (ROWS - 1) * COLS * sizeof screen[0]);
        pos -= COLS;
        clear_cells(pos - pos % COLS, COLS);
    }
    move_cursor();
}
