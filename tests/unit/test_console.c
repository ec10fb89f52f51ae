// Host tests of the console's line discipline (kernel/dev/console.c):
// bytes go in as from COM1, lines come out through read(), and what the
// console echoes is captured.
// sources: kernel/dev/console.c
#include <stdio.h>
#include <string.h>

#include "dev/console.h"
#include "dev/serial.h"
#include "dev/vga.h"
#include "fs/file.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/waitq.h"
#include "unit.h"

/* ------------------------------------------------------------ stubs */

static char echoed[8192];
static int necho, dumps, interrupts, resumes, clears, last_signal;
static char user_mem[4096];     /* "user memory": a uaddr_t is an offset */
static int copyout_fails;       /* fail the next copy-outs */
static struct file console_f;

void serial_init(void) {}
void serial_putc(char c) { if (necho < (int)sizeof echoed - 1) echoed[necho++] = c; }
void serial_input_resume(void) { resumes++; }
bool serial_com2_init(void) { return false; }
void serial_com2_putc(char c) { (void)c; }
void vga_init(void) {}
void vga_putc(char c) { (void)c; }
void vga_clear(void) { clears++; }
void waitq_init(struct waitq *wq) { (void)wq; }
void waitq_wake_all(struct waitq *wq) { (void)wq; }
int waitq_sleep(struct waitq *wq, struct spinlock *lk) { (void)wq; (void)lk; return -1; }
void proc_dump(void) { dumps++; }
void proc_signal_foreground(int sig) { interrupts++; last_signal = sig; }
int sched_preempt_point(void) { return 0; }
const char *cmdline_get(const char *key) { (void)key; return 0; }
int copyin(void *dst, uaddr_t src, uint32_t n) { memcpy(dst, user_mem + src, n); return 0; }
int copyout(uaddr_t dst, const void *src, uint32_t n)
{
    if (copyout_fails > 0) {
        copyout_fails--;
        return -1;
    }
    memcpy(user_mem + dst, src, n);
    return 0;
}
struct file *file_alloc(const struct file_ops *ops, void *priv, bool readable, bool writable)
{
    console_f.ops = ops;
    console_f.priv = priv;
    console_f.readable = readable;
    console_f.writable = writable;
    return &console_f;
}

/* ------------------------------------------------------------ helpers */

/* Types s as COM1 delivers it (serial.c turns a terminal's CR into '\n'). */
static void type(const char *s)
{
    for (; *s; s++)
        console_input(*s == '\r' ? '\n' : *s);
}

/* One read() of up to n bytes; returns it as a string ("<-1>" on error). */
static const char *read_line(int n)
{
    static char out[2048];
    int got = console_f.ops->read(&console_f, 0, n);
    if (got < 0)
        return "<-1>";
    memcpy(out, user_mem, (size_t)got);
    out[got] = '\0';
    return out;
}

/* Reads lines until none is waiting (waitq_sleep fails: "<-1>"). */
static const char *read_all(void)
{
    static char all[4096];
    all[0] = '\0';
    const char *s;
    while (strcmp(s = read_line(2000), "<-1>") != 0)
        strcat(all, s);
    return all;
}

static void reset_echo(void)
{
    necho = 0;
    memset(echoed, 0, sizeof echoed);
}

static void program_writes(const char *s)
{
    memcpy(user_mem, s, strlen(s));
    console_f.ops->write(&console_f, 0, (int)strlen(s));
}

int main(void)
{
    console_init();
    console_file_open();

    UNIT_BEGIN("console: a line is echoed and read whole, one line per read");
    type("hello\rworld\r");
    CHECK_STR(read_line(100), "hello\n");
    CHECK_STR(read_line(100), "world\n");
    CHECK_STR(read_line(100), "<-1>");
    CHECK(strstr(echoed, "hello\nworld\n") != 0);
    UNIT_END();

    UNIT_BEGIN("console: backspace, Ctrl-U, Ctrl-W");
    type("abx\bc\r");
    CHECK_STR(read_line(100), "abc\n");
    type("junk here\x15ok\r");
    CHECK_STR(read_line(100), "ok\n");
    type("one two  \x17three\r");
    CHECK_STR(read_line(100), "one three\n");
    type("\x17\x17\x15\b\r");                 /* on an empty line: nothing */
    CHECK_STR(read_line(100), "\n");
    UNIT_END();

    UNIT_BEGIN("console: cursor keys insert and delete in mid-line");
    type("ac\x1b[Db\r");
    CHECK_STR(read_line(100), "abc\n");
    type("bc\x1b[Ha\x1b[Fd\r");
    CHECK_STR(read_line(100), "abcd\n");
    type("abXc\x1b[D\x1b[D\x1b[3~\r");
    CHECK_STR(read_line(100), "abc\n");
    type("ab\x1b[D\x1b[D\x1b[D\x1b[C\x1b[C\x1b[C\x1b[Cc\r");   /* stops at the ends */
    CHECK_STR(read_line(100), "abc\n");
    type("x\x1b[1~y\x1b[4~z\r");                /* Home and End, vt style */
    CHECK_STR(read_line(100), "yxz\n");
    UNIT_END();

    UNIT_BEGIN("console: cursor echo: what the terminal shows matches the line");
    reset_echo();
    type("ac\x1b[Db");
    /* a, c, back over c, then b and c redrawn, back over c */
    CHECK_STR(echoed, "ac\bbc\b");
    type("\x1b[D\b");
    /* back over b; erase a: back, redraw "bc" and a blank, back 3 */
    CHECK_STR(echoed, "ac\bbc\b\b\bbc \b\b\b");
    type("\r");
    CHECK_STR(read_line(100), "bc\n");
    UNIT_END();

    UNIT_BEGIN("console: control characters echo as ^X and are dropped; escapes consumed");
    reset_echo();
    type("a\x19\x01\x1b" "b\x1bOP\x1b[15~\x1b[24~\x1b[5~\x1b[1;5Pc\r");
    CHECK_STR(read_line(100), "abc\n");
    CHECK_STR(echoed, "a^Y^A^[bc\n");
    CHECK(dumps == 0 && interrupts == 0);
    UNIT_END();

    UNIT_BEGIN("console: history: Up and Down, 32 lines kept, repeats kept once");
    type("first\rsecond\rsecond\r");
    read_all();
    type("\x1b[A\r");
    CHECK_STR(read_line(100), "second\n");
    type("\x1b[A\x1b[A\r");                     /* "second" was kept once */
    CHECK_STR(read_line(100), "first\n");
    /* The history is now first, second, first. */
    type("\x1b[A\x1b[A\x1b[A\x1b[B\r");
    CHECK_STR(read_line(100), "second\n");
    type("\x1b[A\x1b[Bnew\r");                  /* Down past the newest: empty */
    CHECK_STR(read_line(100), "new\n");
    for (int i = 0; i < 40; i++) {
        char line[16];
        snprintf(line, sizeof line, "h%d\r", i);
        type(line);
        read_all();
    }
    for (int i = 0; i < 50; i++)
        type("\x1b[A");
    type("\r");
    CHECK_STR(read_line(100), "h8\n");          /* the oldest of the last 32 */
    type("\x1b[Aedit\r");                       /* a recalled line is editable */
    CHECK_STR(read_line(100), "h8edit\n");
    UNIT_END();

    UNIT_BEGIN("console: Ctrl-L clears and redraws the prompt and the line");
    program_writes("some output\n$ ");
    type("echo hi\x1b[D");
    reset_echo();
    int before = clears;
    type("\x0c");
    CHECK(clears == before + 1);
    CHECK_STR(echoed, "\x1b[H\x1b[2J$ echo hi\b");
    type("\r");
    CHECK_STR(read_line(100), "echo hi\n");
    UNIT_END();

    UNIT_BEGIN("console: Ctrl-C and Ctrl-P act at once; Ctrl-C drops unread input");
    type("unread\rhalf");
    type("\x10");
    CHECK(dumps == 1);
    type("\x03");
    CHECK(interrupts == 1 && last_signal == 2);     /* SIGINT */
    CHECK_STR(read_line(100), "<-1>");
    type("x\r");
    CHECK_STR(read_line(100), "x\n");
    UNIT_END();

    UNIT_BEGIN("console: Ctrl-\\ and Ctrl-Z signal the foreground group at once");
    type("half\x1c");
    CHECK(interrupts == 2 && last_signal == 3);     /* SIGQUIT */
    type("half\x1a");
    CHECK(interrupts == 3 && last_signal == 20);    /* SIGTSTP */
    CHECK_STR(read_line(100), "<-1>");
    type("y\r");
    CHECK_STR(read_line(100), "y\n");
    UNIT_END();

    UNIT_BEGIN("console: Ctrl-D: end of file on an empty line, else hands the line over");
    type("ab\x04");
    CHECK_STR(read_line(100), "ab");
    type("\x04");
    CHECK_STR(read_line(100), "");
    type("more\r");
    CHECK_STR(read_line(100), "more\n");
    UNIT_END();

    UNIT_BEGIN("console: a long line arrives whole, in pieces");
    char longline[701];
    memset(longline, 'x', 700);
    longline[699] = '\r';
    longline[700] = '\0';
    type(longline);
    const char *all = read_all();
    CHECK(strlen(all) == 700 && all[699] == '\n' && strspn(all, "x") == 699);
    UNIT_END();

    UNIT_BEGIN("console: when nobody reads, input waits (room says no), nothing is lost");
    /* As serial.c does: a byte goes in only while console_input_room(). */
    static char in[1601], out[1601];
    for (int i = 0; i < 400; i++) {
        in[4 * i] = (char)('0' + i / 100);
        in[4 * i + 1] = (char)('0' + i / 10 % 10);
        in[4 * i + 2] = (char)('0' + i % 10);
        in[4 * i + 3] = '\n';
    }
    int fed = 0, outlen = 0;
    while (fed < 1600 && console_input_room())
        console_input(in[fed++]);
    CHECK(fed > 900 && fed < 1600);             /* the ring holds 1,024 bytes */
    CHECK(!console_input_room());
    while (outlen < 1600) {
        const char *s = read_line(100);         /* a reader makes room... */
        if (strcmp(s, "<-1>") == 0)
            break;
        memcpy(out + outlen, s, strlen(s));
        outlen += (int)strlen(s);
        while (fed < 1600 && console_input_room())
            console_input(in[fed++]);           /* ...and input resumes */
    }
    CHECK(outlen == 1600 && memcmp(in, out, 1600) == 0);
    CHECK(resumes >= 300);                      /* every read tells the serial side */
    type("\x04");                               /* end of file after it all */
    CHECK_STR(read_line(100), "");
    UNIT_END();

    UNIT_BEGIN("console: a failed copy-out consumes nothing");
    type("keep\r");
    copyout_fails = 1;
    CHECK_STR(read_line(100), "<-1>");
    CHECK_STR(read_line(100), "keep\n");
    type("abc\r");
    memset(user_mem, 0, 8);
    copyout_fails = 0;
    CHECK_STR(read_line(2), "ab");
    CHECK_STR(read_line(100), "c\n");
    UNIT_END();
    UNIT_EXIT();
}
