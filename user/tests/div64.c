/* 64-bit division works in user code (libgcc / compiler-rt is linked into
 * every program), and printf prints 64-bit numbers. */
#include "utest.h"

int main(void)
{
    volatile unsigned long long big = 0x123456789ABCDEFull, d = 1000003;
    volatile long long neg = -9000000000000LL;
    CHECK(big / d == 81985283260ull);
    CHECK(big % d == 637115ull);
    CHECK(neg / 7 == -1285714285714LL);
    char buf[32];
    snprintf(buf, sizeof buf, "%llu", big / d);
    CHECK(strcmp(buf, "81985283260") == 0);
    printf("  %s\n", buf);
    DONE();
}
