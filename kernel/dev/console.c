/*
 * The console; see console.h. Output goes to COM1 and VGA under one lock
 * so that lines from different paths do not interleave mid-character.
 * Input keeps one ring buffer with three positions:
 *
 *     r (next to read) <= w (end of the lines handed over) <= e (editing)
 *
 * Interrupt handlers append at e; Enter moves w up to e and wakes
 * readers; readers consume from r. A ^D typed on an empty line is stored
 * in the buffer as an EOF mark, so end of file happens at its place in
 * the input: a read that meets it returns 0 (and what was typed after it
 * waits for the next read).
 */
#include "dev/console.h"

#include "core/cmdline.h"
#include "core/spinlock.h"
#include "dev/serial.h"
#include "dev/vga.h"
#include "fs/file.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/waitq.h"

BOOT_PARAM(klog, "klog=com2: kernel messages to the second serial port only");

#define INPUT_SIZE 256
#define CTRL(c) ((c) - '@')
#define EOF_MARK CTRL('D')

static struct spinlock output_lock = SPINLOCK_INIT("console output", LOCK_RANK_CONSOLE_OUTPUT);
/* Set by a panic: print without the lock, which the panicking code may
 * hold. Nothing else runs after a panic, so nothing interleaves. */
static bool panicking;
static bool klog_com2;

/* Guarded by input_lock. */
static struct spinlock input_lock = SPINLOCK_INIT("console input", LOCK_RANK_CONSOLE_INPUT);
static char input[INPUT_SIZE];
static unsigned r, w, e;
static bool sticky_eof;         /* make run: after one ^D, always at EOF */
static bool at_eof;             /* a sticky ^D has been read */
static bool raw, no_echo;
static struct waitq readers;

void console_init(void)
{
    serial_init();
    vga_init();
    waitq_init(&readers);
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

void klog_write(const char *s, int n)
{
    if (!klog_com2) {
        const char *v = cmdline_get("klog");
        klog_com2 = v && serial_com2_init() && v[0] == 'c';
    }
    if (!klog_com2 || panicking) {
        console_write(s, n);    /* a panic shows everywhere */
        if (!klog_com2)
            return;
    }
    for (int i = 0; i < n; i++)
        serial_com2_putc(s[i]);
}

void console_set_raw(bool on)
{
    raw = on;
}

void console_set_batch(bool batch)
{
    sticky_eof = batch;
    no_echo = batch;
}

static void hand_over_line(void)
{
    w = e;
    waitq_wake_all(&readers);
}

/* The line discipline, called with input_lock held. */
static void cook(char c)
{
    switch (c) {
    case '\b':
        if (e != w) {
            e--;
            console_write("\b \b", 3);
        }
        return;
    case CTRL('D'):
        if (e == w && e - r < INPUT_SIZE)
            input[e++ % INPUT_SIZE] = EOF_MARK;     /* empty line: end of file */
        hand_over_line();
        return;
    default:
        if (e - r >= INPUT_SIZE - 1 && c != '\n')
            return;             /* full: drop, but keep room for Enter */
        if (e - r >= INPUT_SIZE)
            return;
        input[e++ % INPUT_SIZE] = c;
        if (!no_echo)
            console_putc(c);
        if (c == '\n')
            hand_over_line();
    }
}

void console_input(char c)
{
    if (!raw && c == CTRL('P')) {
        proc_dump();
        return;
    }
    if (!raw && c == CTRL('C')) {
        /* Like a terminal, drop what was typed and not yet read: the
         * half-typed line would otherwise prefix the shell's next one. */
        spin_lock(&input_lock);
        r = w = e;
        spin_unlock(&input_lock);
        console_write("^C\n", 3);
        proc_interrupt_foreground();
        return;
    }
    spin_lock(&input_lock);
    if (raw) {
        if (e - r < INPUT_SIZE)
            input[e++ % INPUT_SIZE] = c;
        w = e;
    } else {
        cook(c);
    }
    spin_unlock(&input_lock);
}

int console_getc(void)
{
    int c = -1;
    spin_lock(&input_lock);
    if (r != w)
        c = (unsigned char)input[r++ % INPUT_SIZE];
    spin_unlock(&input_lock);
    return c;
}

/* read() on the console: blocks until a line (or end of file) is there,
 * then returns at most one line. */
static int console_read(struct file *f, uaddr_t buf, int n)
{
    (void)f;
    spin_lock(&input_lock);
    while (r == w && !at_eof) {
        if (waitq_sleep(&readers, &input_lock) < 0) {
            spin_unlock(&input_lock);
            return -1;
        }
    }
    int done = 0;
    while (done < n && r != w && !at_eof) {
        char c = input[r % INPUT_SIZE];
        if (c == EOF_MARK) {
            if (done == 0) {            /* the mark is this read's answer */
                r++;
                at_eof = sticky_eof;
            }
            break;
        }
        r++;
        if (copyout(buf + done, &c, 1) < 0) {
            done = done ? done : -1;
            break;
        }
        done++;
        if (c == '\n')
            break;
    }
    spin_unlock(&input_lock);
    return done;
}

static int console_file_write(struct file *f, uaddr_t buf, int n)
{
    (void)f;
    char chunk[128];
    for (int done = 0; done < n;) {
        int k = n - done < (int)sizeof chunk ? n - done : (int)sizeof chunk;
        if (copyin(chunk, buf + done, (uint32_t)k) < 0)
            return done ? done : -1;
        console_write(chunk, k);
        done += k;
    }
    return n;
}

static const struct file_ops console_ops = {
    .read = console_read,
    .write = console_file_write,
};

struct file *console_file_open(void)
{
    return file_alloc(&console_ops, 0, true, true);
}
