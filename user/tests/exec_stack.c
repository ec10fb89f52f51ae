/*
 * The initial stack exec builds (the exec-stack lab), byte by byte: top
 * down, the argument strings in order, ending exactly at USER_TOP; less
 * than 16 bytes of padding; argv[0..argc] with argv[argc] == NULL; then
 * the argv pointer, argc and a zero return address, as a call
 * _start(argc, argv) leaves them, with argc's slot on a 16-byte boundary
 * (the i386 System V ABI). Checked in copies of this program exec'd with
 * 0, 1, 2, ... 8 and 64 (MAXARG) arguments, empty strings, and strings
 * that fill MAXARGLEN exactly; one more argument or byte gives -1.
 *
 * A copy checks its own stack when argc is 0 or argv[0] is "@".
 */
#include "vm_util.h"
#include "proc/exec.h"          /* MAXARG, MAXARGLEN */

#define SELF "/test/exec_stack"

static int bad(const char *what, uint32_t got, uint32_t want)
{
    printf("  expected: %s = %x, got %x\n", what, want, got);
    return 1;
}

/* The checker: main's argv points into the stack exec built. */
static int check_stack(int argc, char **argv)
{
    uint32_t *frame = (uint32_t *)argv - 3;        /* return address, argc, argv */
    uint32_t array_end = (uint32_t)&argv[argc + 1];
    if (((uint32_t)&frame[1] & 15) != 0)
        return bad("argc's slot (mod 16)", (uint32_t)&frame[1] & 15, 0);
    if (frame[0] != 0)
        return bad("the return address below argc", frame[0], 0);
    if (frame[1] != (uint32_t)argc || frame[2] != (uint32_t)argv)
        return bad("the argc slot, then the argv slot pointing just above", frame[1], (uint32_t)argc);
    if (argv[argc] != 0)
        return bad("argv[argc]", (uint32_t)argv[argc], 0);
    uint32_t next = argc ? (uint32_t)argv[0] : USER_TOP;
    if (next < array_end || next - array_end >= 16)
        return bad("the first string (less than 16 bytes above argv[argc])", next, array_end);
    for (int i = 0; i < argc; i++) {
        if ((uint32_t)argv[i] != next)
            return bad("the next string (right after the previous one's NUL)", (uint32_t)argv[i], next);
        next += (uint32_t)strlen(argv[i]) + 1;
    }
    if (next != USER_TOP)
        return bad("the end of the last string", next, USER_TOP);
    return 0;
}

/* Execs a copy with argv; its exit status (0: it found its stack right),
 * or EXEC_FAILED if exec returned -1. */
#define EXEC_FAILED 50
static int run(char **argv)
{
    int pid = fork();
    if (pid == 0) {
        exec(SELF, argv);
        exit(EXEC_FAILED);
    }
    return wait_for(pid);
}

static char storage[MAXARG + 1][16];
static char big[MAXARGLEN];

/* argv of argc strings, "@" first, the others of lengths (i + shift) % 9. */
static char **args(int argc, int shift)
{
    static char *argv[MAXARG + 2];
    for (int i = 0; i < argc; i++) {
        int len = i == 0 ? 1 : (i + shift) % 9;
        memset(storage[i], i == 0 ? '@' : 'a' + i % 26, (size_t)len);
        storage[i][len] = 0;
        argv[i] = storage[i];
    }
    argv[argc] = 0;
    return argv;
}

int main(int argc, char **argv)
{
    if (argc == 0 || strcmp(argv[0], "@") == 0)
        return check_stack(argc, argv);
    char *none[] = { 0 };
    CHECK_EQ(run(none), 0);
    for (int n = 1; n <= 8; n++)
        for (int shift = 0; shift < 4; shift++)
            CHECK_EQ(run(args(n, shift)), 0);
    char *empty[] = { "@", "", "", "x", "", 0 };
    CHECK_EQ(run(empty), 0);
    CHECK_EQ(run(args(MAXARG, 0)), 0);
    CHECK_EQ(run(args(MAXARG + 1, 0)), EXEC_FAILED);
    /* "@" and one string: MAXARGLEN bytes with both NULs, then one more. */
    memset(big, 'L', sizeof big - 3);
    big[sizeof big - 3] = 0;
    char *full[] = { "@", big, 0 };
    CHECK_EQ(run(full), 0);
    big[sizeof big - 3] = 'L';
    big[sizeof big - 2] = 0;
    CHECK_EQ(run(full), EXEC_FAILED);
    DONE();
}
