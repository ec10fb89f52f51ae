/*
 * The console. Output goes to both COM1 and VGA under one lock so lines
 * from different paths do not interleave mid-character. Input is a ring
 * buffer filled by interrupt handlers and drained by console_getc();
 * the processes issue puts a line discipline on top.
 */
#include "dev/console.h"

#include <stdbool.h>

#include "core/spinlock.h"
#include "dev/serial.h"
#include "dev/vga.h"

#define INPUT_SIZE 256

static struct spinlock output_lock = SPINLOCK_INIT("console output");
/* Set by a panic: print without the lock, which the panicking code may
 * hold. Nothing else runs after a panic, so nothing interleaves. */
static bool panicking;

/* Guarded by input_lock: a single-producer ring (interrupts) and a reader. */
static struct spinlock input_lock = SPINLOCK_INIT("console input");
static char input[INPUT_SIZE];
static unsigned input_head;     /* next to read */
static unsigned input_tail;     /* next to write */

void console_init(void)
{
    serial_init();
    vga_init();
}

void console_unlock_for_panic(void)
{
    panicking = true;
}

void console_write(const char *s, int n)
{
    if (!panicking)
        spin_lock(&output_lock);
    for (int i = 0; i < n; i++) {
        serial_putc(s[i]);
        vga_putc(s[i]);
    }
    if (!panicking)
        spin_unlock(&output_lock);
}

void console_putc(char c)
{
    console_write(&c, 1);
}

void console_input(char c)
{
    spin_lock(&input_lock);
    if (input_tail - input_head < INPUT_SIZE)   /* full: drop, never block */
        input[input_tail++ % INPUT_SIZE] = c;
    spin_unlock(&input_lock);
}

int console_getc(void)
{
    int c = -1;
    spin_lock(&input_lock);
    if (input_head != input_tail)
        c = (unsigned char)input[input_head++ % INPUT_SIZE];
    spin_unlock(&input_lock);
    return c;
}
