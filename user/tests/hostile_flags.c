/* A system call made with the direction flag set (std) still copies
 * forwards: the kernel clears DF on entry (its memcpy/memset are `rep`
 * string instructions) and the user's flags come back on return. */
#include "utest.h"

/* write(fd, buf, n) through int $0x80 with DF set; returns the result
 * and whether DF was still set afterwards. */
static int write_with_df(int fd, const void *buf, int n, int *df_after)
{
    int r;
    unsigned int flags;
    __asm__ volatile("std\n\t"
                     "int $0x80\n\t"
                     "pushfl\n\t"
                     "popl %1\n\t"
                     "cld"
                     : "=a"(r), "=r"(flags)
                     : "a"(SYS_write), "b"(fd), "c"(buf), "d"(n)
                     : "memory", "cc");
    *df_after = (flags >> 10) & 1;
    return r;
}

int main(void)
{
    int fds[2];
    CHECK(pipe(fds) == 0);
    const char msg[] = "forwards, not backwards";
    int df = 0;
    CHECK_EQ(write_with_df(fds[1], msg, sizeof msg, &df), (long)sizeof msg);
    CHECK_EQ(df, 1);                    /* our flags restored by iret */
    char got[sizeof msg];
    memset(got, 0, sizeof got);
    CHECK_EQ(read(fds[0], got, sizeof got), (long)sizeof got);
    CHECK(memcmp(got, msg, sizeof msg) == 0);
    printf("  read back: %s\n", got);
    DONE();
}
