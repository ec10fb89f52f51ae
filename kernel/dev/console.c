/*
 * The console; see console.h. Output goes to COM1 and VGA under one lock
 * so that lines from different paths do not interleave mid-character.
 *
 * Input passes through two stages, both guarded by input_lock:
 *
 *   keys --> the line being edited (edit[], cursor) --Enter--> the input
 *            ring (r <= w): what readers may take
 *
 * The line discipline edits the line in place (insertion at the cursor,
 * history recall) and hands it to the ring at Enter. A ^D typed on an
 * empty line is stored in the ring as an EOF mark, so end of file happens
 * at its place in the input: a read that meets it returns 0 (and what was
 * typed after it waits for the next read).
 *
 * Nothing is dropped for lack of room. A key is taken only while the ring
 * can hold the edited line plus its Enter (console_input_room); the serial
 * driver asks first and leaves bytes in the UART until a reader makes room
 * (flow control: QEMU then stops reading its input). A line longer than
 * EDIT_MAX is handed over in pieces, so the reader sees it whole.
 */
#include "dev/console.h"

#include "core/cmdline.h"
#include "core/spinlock.h"
#include "fs/vfs.h"
#include "dev/serial.h"
#include "dev/vga.h"
#include "fs/file.h"
#include "lib/string.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/waitq.h"

BOOT_PARAM(klog, "klog=com2: kernel messages to the second serial port only");

#define INPUT_SIZE 1024         /* the ring of handed-over input */
#define EDIT_MAX 255            /* a line being edited; longer ones go in pieces */
#define HISTORY_LINES 32
#define PROMPT_MAX 80           /* what Ctrl-L redraws of the output line */
#define CTRL(c) ((c) - '@')
#define EOF_MARK CTRL('D')
#define ESC 0x1B

static struct spinlock output_lock = SPINLOCK_INIT("console output", LOCK_RANK_CONSOLE_OUTPUT);
/* Set by a panic: print without the lock, which the panicking code may
 * hold. Nothing else runs after a panic, so nothing interleaves. */
static bool panicking;
static bool klog_com2;
/* Guarded by output_lock: programs' output since their last newline (the
 * shell's prompt, typically), which Ctrl-L redraws. */
static char out_tail[PROMPT_MAX];
static int out_tail_len;

/* Guarded by input_lock. */
static struct spinlock input_lock = SPINLOCK_INIT("console input", LOCK_RANK_CONSOLE_INPUT);
static char input[INPUT_SIZE];
static unsigned r, w;           /* read up to r, handed over up to w */
static char edit[EDIT_MAX];     /* the line being edited */
static int edit_len, cursor;    /* cursor: index in edit[] */
static char history[HISTORY_LINES][EDIT_MAX];
static int history_len[HISTORY_LINES];
static int history_count;       /* lines ever entered; the last 32 are kept */
static int history_at;          /* the line Up/Down shows; history_count = the new one */
static enum { KEYS, GOT_ESC, GOT_CSI } esc_state;
static int esc_param;           /* ESC [ 3 ~: the 3 */
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

void klog_init(void)
{
    const char *v = cmdline_get("klog");
    klog_com2 = v && v[0] == 'c' && serial_com2_init();
}

void klog_write(const char *s, int n)
{
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

/* ------------------------------------------------------------ echo */

static void echo(const char *s, int n)
{
    if (!no_echo)
        console_write(s, n);
}

static void echo_c(char c)
{
    echo(&c, 1);
}

static void echo_back(int n)
{
    while (n-- > 0)
        echo_c('\b');
}

/* Redraws edit[from..] and blanks `extra` cells after it (what a deletion
 * freed), then brings the terminal's cursor back to `cursor`. */
static void redraw_from(int from, int extra)
{
    echo(edit + from, edit_len - from);
    for (int i = 0; i < extra; i++)
        echo_c(' ');
    echo_back(edit_len - cursor + extra);
}

/* Ctrl-L: a clear screen, then the output line (prompt) and the edit line. */
static void redraw_screen(void)
{
    if (no_echo)
        return;
    spin_lock(&output_lock);
    for (const char *s = "\x1b[H\x1b[2J"; *s; s++)
        serial_putc(*s);
    vga_clear();
    for (int i = 0; i < out_tail_len; i++) {
        serial_putc(out_tail[i]);
        vga_putc(out_tail[i]);
    }
    spin_unlock(&output_lock);
    redraw_from(0, 0);
}

/* ------------------------------------------------------------ the ring */

static unsigned ring_free(void)
{
    return INPUT_SIZE - (w - r);
}

/* Appends n bytes to the ring; the caller made sure they fit. */
static void ring_put(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        input[w++ % INPUT_SIZE] = s[i];
    waitq_wake_all(&readers);
}

/* ------------------------------------------------------------ editing */

static void history_add(void)
{
    int last = (history_count - 1) % HISTORY_LINES;
    if (edit_len == 0 || (history_count > 0 && history_len[last] == edit_len &&
                          memcmp(history[last], edit, (size_t)edit_len) == 0))
        return;
    int slot = history_count++ % HISTORY_LINES;
    memcpy(history[slot], edit, (size_t)edit_len);
    history_len[slot] = edit_len;
}

static void edit_clear(void)
{
    edit_len = cursor = 0;
    history_at = history_count;
}

/* Enter (with '\n') or Ctrl-D (end, with nothing): the line goes to readers. */
static void edit_hand_over(char end)
{
    echo(edit + cursor, edit_len - cursor);     /* the cursor to the end */
    if (end == '\n') {
        history_add();
        echo_c('\n');
    }
    ring_put(edit, edit_len);
    if (end)
        ring_put(&end, 1);
    edit_clear();
}

/* Removes n characters before the cursor. */
static void edit_erase(int n)
{
    if (n <= 0)
        return;
    memmove(edit + cursor - n, edit + cursor, (size_t)(edit_len - cursor));
    cursor -= n;
    edit_len -= n;
    echo_back(n);
    redraw_from(cursor, n);
}

static void edit_insert(char c)
{
    if (edit_len == EDIT_MAX)
        edit_hand_over(0);      /* a long line goes to the reader in pieces */
    memmove(edit + cursor + 1, edit + cursor, (size_t)(edit_len - cursor));
    edit[cursor++] = c;
    edit_len++;
    redraw_from(cursor - 1, 0);
}

/* Ctrl-U, and the first half of a recall. */
static void erase_line(void)
{
    echo(edit + cursor, edit_len - cursor);     /* the cursor to the end */
    cursor = edit_len;
    edit_erase(edit_len);
}

static void erase_word(void)
{
    int i = cursor;
    while (i > 0 && edit[i - 1] == ' ')
        i--;
    while (i > 0 && edit[i - 1] != ' ')
        i--;
    edit_erase(cursor - i);
}

/* Replaces the edit line with history line `at` (history_count: empty). */
static void recall(int at)
{
    int oldest = history_count > HISTORY_LINES ? history_count - HISTORY_LINES : 0;
    if (at < oldest || at > history_count)
        return;
    const char *s = at < history_count ? history[at % HISTORY_LINES] : "";
    int n = at < history_count ? history_len[at % HISTORY_LINES] : 0;
    if ((unsigned)n + 1 > ring_free()) {
        echo_c('\a');           /* no room to hand it over: refuse */
        return;
    }
    erase_line();
    memcpy(edit, s, (size_t)n);
    edit_len = cursor = n;
    redraw_from(0, 0);
    history_at = at;
}

static void cursor_move(int by)
{
    if (by < 0 && cursor > 0) {
        cursor--;
        echo_c('\b');
    } else if (by > 0 && cursor < edit_len) {
        echo_c(edit[cursor++]);
    }
}

/* A key, after escape sequences are decoded: a character or a KEY_*. */
static void edit_key(int key)
{
    switch (key) {
    case '\n':          edit_hand_over('\n'); return;
    case CTRL('D'):     edit_hand_over(edit_len == 0 ? EOF_MARK : 0); return;
    case '\b':          edit_erase(cursor > 0 ? 1 : 0); return;
    case CTRL('U'):     erase_line(); return;
    case CTRL('W'):     erase_word(); return;
    case CTRL('L'):     redraw_screen(); return;
    case KEY_UP:        recall(history_at - 1); return;
    case KEY_DOWN:      recall(history_at + 1); return;
    case KEY_LEFT:      cursor_move(-1); return;
    case KEY_RIGHT:     cursor_move(1); return;
    case KEY_HOME:      while (cursor > 0) cursor_move(-1); return;
    case KEY_END:       while (cursor < edit_len) cursor_move(1); return;
    case KEY_DELETE:    if (cursor < edit_len) { cursor_move(1); edit_erase(1); } return;
    }
    if (key >= KEY_UP)
        return;                 /* a function key: nothing to do */
    if ((key < ' ' && key != '\t') || key == 0x7F) {
        echo_c('^');            /* not ours: show it, keep it out of the line */
        echo_c(key == 0x7F ? '?' : (char)(key + '@'));
        return;
    }
    edit_insert((char)key);
}

/* ESC [ (or ESC O) parameters final: the sequences terminals send for
 * arrows, Home/End/Delete and function keys. Unknown ones are consumed. */
static int decode_csi(char final)
{
    switch (final) {
    case 'A': return KEY_UP;
    case 'B': return KEY_DOWN;
    case 'C': return KEY_RIGHT;
    case 'D': return KEY_LEFT;
    case 'H': return KEY_HOME;
    case 'F': return KEY_END;
    case '~':
        return esc_param == 1 || esc_param == 7 ? KEY_HOME
             : esc_param == 4 || esc_param == 8 ? KEY_END
             : esc_param == 3 ? KEY_DELETE : KEY_FUNCTION;
    }
    return KEY_FUNCTION;
}

/* Feeds one byte through the escape-sequence decoder; -1 while a sequence
 * is incomplete. A lone ESC is shown as ^[ like any control character. */
static int decode_byte(char c)
{
    switch (esc_state) {
    case KEYS:
        if (c != ESC)
            return (unsigned char)c;
        esc_state = GOT_ESC;
        return -1;
    case GOT_ESC:
        if (c == '[' || c == 'O') {
            esc_state = GOT_CSI;
            esc_param = 0;
            return -1;
        }
        esc_state = KEYS;
        edit_key(ESC);
        return (unsigned char)c;
    case GOT_CSI:
        if (c >= '0' && c <= '9') {
            esc_param = esc_param * 10 + (c - '0');
            return -1;
        }
        if (c == ';')
            return -1;
        esc_state = KEYS;
        return decode_csi(c);
    }
    return -1;
}

/* ------------------------------------------------------------ input side */

bool console_input_room(void)
{
    spin_lock(&input_lock);
    bool room = ring_free() >= (unsigned)edit_len + 2;
    spin_unlock(&input_lock);
    return room;
}

/* The keys that signal the foreground process group, as a terminal's:
 * Ctrl-C SIGINT, Ctrl-\\ SIGQUIT, Ctrl-Z SIGTSTP; 0 for any other key. */
static int key_signal(int key)
{
    switch (key) {
    case CTRL('C'):
        return SIGINT;
    case CTRL('\\'):
        return SIGQUIT;
    case CTRL('Z'):
        return SIGTSTP;
    default:
        return 0;
    }
}

/* Ctrl-P and the signal keys act at once, wherever they are in the input. */
static bool act_at_once(int key)
{
    int sig = key_signal(key);
    if (raw || (key != CTRL('P') && !sig))
        return false;
    if (key == CTRL('P')) {
        proc_dump();
        return true;
    }
    /* Like a terminal, drop what was typed and not yet read: the
     * half-typed line would otherwise prefix the shell's next one. */
    spin_lock(&input_lock);
    r = w;
    edit_clear();
    esc_state = KEYS;
    spin_unlock(&input_lock);
    serial_input_resume();              /* the discarded input made room */
    char echo[4] = { '^', (char)('@' + key), '\n', 0 };
    console_write(echo, 3);
    proc_signal_foreground(sig);
    return true;
}

/* A character or KEY_* from a driver. Without room it is refused with a
 * bell (only the keyboard gets here then: serial waits for room). */
void console_input_key(int key)
{
    if (act_at_once(key))
        return;
    spin_lock(&input_lock);
    if (ring_free() < (unsigned)edit_len + 2) {
        echo_c('\a');
    } else if (raw) {
        if (key < KEY_UP) {
            input[w++ % INPUT_SIZE] = (char)key;
            waitq_wake_all(&readers);
        }
    } else {
        edit_key(key);
    }
    spin_unlock(&input_lock);
}

void console_input(char c)
{
    spin_lock(&input_lock);
    int key = raw ? (unsigned char)c : decode_byte(c);
    spin_unlock(&input_lock);
    if (key >= 0)
        console_input_key(key);
}

int console_getc(void)
{
    int c = -1;
    spin_lock(&input_lock);
    if (r != w)
        c = (unsigned char)input[r++ % INPUT_SIZE];
    spin_unlock(&input_lock);
    serial_input_resume();
    return c;
}

/* read() on the console: blocks until a line (or end of file) is there,
 * then returns at most one line. A character leaves the ring only once
 * it is in the reader's buffer, so a failed copy loses nothing. */
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
        if (copyout(buf + done, &c, 1) < 0) {
            done = done ? done : -1;
            break;
        }
        r++;
        done++;
        if (c == '\n')
            break;
    }
    spin_unlock(&input_lock);
    serial_input_resume();              /* there is room again */
    return done;
}

/* Keeps what follows the last newline of programs' output, for Ctrl-L. */
static void remember_tail(const char *s, int n)
{
    for (int i = 0; i < n; i++) {
        if (s[i] == '\n')
            out_tail_len = 0;
        else if (out_tail_len < PROMPT_MAX)
            out_tail[out_tail_len++] = s[i];
    }
}

/* write() on the console. Long writes take many chunks: between two, the
 * clock may tick and the writer may be preempted or killed (Ctrl-C). */
static int console_file_write(struct file *f, uaddr_t buf, int n)
{
    (void)f;
    char chunk[128];
    for (int done = 0; done < n;) {
        int k = n - done < (int)sizeof chunk ? n - done : (int)sizeof chunk;
        if (copyin(chunk, buf + done, (uint32_t)k) < 0)
            return done ? done : -1;
        spin_lock(&output_lock);
        remember_tail(chunk, k);
        spin_unlock(&output_lock);
        console_write(chunk, k);
        done += k;
        if (done < n && sched_preempt_point() < 0)
            return done;
    }
    return n;
}

static const struct file_ops console_ops = {
    .read = console_read,
    .write = console_file_write,
};

/* The console device's inode: what fstat on fds 0-2 reports. It is not
 * reference counted (lock NULL): it lives as long as the kernel. */
static struct inode console_inode = { .type = T_DEV, .ino = 1, .nlink = 1 };

struct file *console_file_open(void)
{
    struct file *f = file_alloc(&console_ops, 0, true, true);
    if (f) {
        f->ip = &console_inode;
        f->type = T_DEV;
    }
    return f;
}
