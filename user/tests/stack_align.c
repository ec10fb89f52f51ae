/* The i386 System V ABI's stack alignment at main's entry: (esp + 4) is a
 * multiple of 16 at main's first instruction, that is main's first
 * argument (&argc) sits on a 16-byte boundary. exec builds the stack so
 * (kernel/proc/exec.c, build_stack) and _start (user/lib/start.c) keeps
 * it. Checked here, then in copies of this program exec'd with 0, 1, 2,
 * ... 9 arguments of varying lengths and with 60 arguments. */
#include "utest.h"

static int aligned(int *argc_slot)
{
    return ((unsigned int)argc_slot & 15) == 0;
}

/* Runs this program with argc arguments, each of length (i + shift) % 7;
 * returns its exit status (0: it found its stack aligned). */
static int run_with(int argc, int shift)
{
    static char storage[64][8];
    char *argv[64];
    for (int i = 0; i < argc; i++) {
        int len = (i + shift) % 7;
        memset(storage[i], 'a' + i % 26, (size_t)len);
        storage[i][len] = 0;
        argv[i] = storage[i];
    }
    argv[argc] = 0;
    int pid = fork();
    if (pid == 0) {
        exec("/test/stack_align", argv);
        exit(126);
    }
    int status = -5;
    if (wait(&status) != pid)
        return -100;
    return status;
}

int main(int argc, char **argv)
{
    if (argc != 1 || strcmp(argv[0], "stack_align") != 0)
        return aligned(&argc) ? 0 : 1;          /* a copy run by run_with */
    printf("  main's argc at %p\n", (void *)&argc);
    CHECK(aligned(&argc));
    for (int n = 0; n < 10; n++) {
        for (int shift = 0; shift < 4; shift++) {
            int s = run_with(n, shift);
            if (s != 0)
                printf("  %d arguments (shift %d): status %d\n", n, shift, s);
            CHECK_EQ(s, 0);
        }
    }
    CHECK_EQ(run_with(60, 0), 0);
    CHECK_EQ(run_with(60, 3), 0);
    DONE();
}
