// Host tests of kernel/lib/format.c, the kernel's printf formatting.
// sources: kernel/lib/format.c
// cflags: -Dsnprintf=k_snprintf -Dvsnprintf=k_vsnprintf -Wno-format
#include <limits.h>
#include <stdint.h>

#include "lib/format.h"
#include "unit.h"

static char buf[128];

#define FMT(...) (k_snprintf(buf, sizeof buf, __VA_ARGS__), buf)

int main(void)
{
    UNIT_BEGIN("format: %d %i %u with signs and limits");
    CHECK_STR(FMT("%d", 0), "0");
    CHECK_STR(FMT("%d", -42), "-42");
    CHECK_STR(FMT("%i", 123456), "123456");
    CHECK_STR(FMT("%d", INT_MIN), "-2147483648");
    CHECK_STR(FMT("%u", 4294967295u), "4294967295");
    CHECK_STR(FMT("%lld", (long long)-9000000000), "-9000000000");
    CHECK_STR(FMT("%llu", 18446744073709551615ull), "18446744073709551615");
    UNIT_END();

    UNIT_BEGIN("format: %x %X %p");
    CHECK_STR(FMT("%x", 0xdeadbeef), "deadbeef");
    CHECK_STR(FMT("%X", 0xabc), "ABC");
    CHECK_STR(FMT("%x", 0), "0");
    CHECK_STR(FMT("%p", (void *)(uintptr_t)0xc0100000u), "0xc0100000");
    CHECK_STR(FMT("%p", (void *)(uintptr_t)0x1234), "0x00001234");
    UNIT_END();

    UNIT_BEGIN("format: widths, zero padding, left justification");
    CHECK_STR(FMT("[%5d]", 42), "[   42]");
    CHECK_STR(FMT("[%05d]", 42), "[00042]");
    CHECK_STR(FMT("[%05d]", -42), "[-0042]");
    CHECK_STR(FMT("[%-5d]", 42), "[42   ]");
    CHECK_STR(FMT("[%08x]", 0xbeef), "[0000beef]");
    CHECK_STR(FMT("[%*d]", 4, 7), "[   7]");
    CHECK_STR(FMT("[%-6s]", "ab"), "[ab    ]");
    CHECK_STR(FMT("[%6s]", "ab"), "[    ab]");
    CHECK_STR(FMT("[%2d]", 12345), "[12345]");
    UNIT_END();

    UNIT_BEGIN("format: %s %c %% and odd input");
    CHECK_STR(FMT("%s and %s", "cats", "dogs"), "cats and dogs");
    CHECK_STR(FMT("%s", (char *)0), "(null)");
    CHECK_STR(FMT("%c%c", 'o', 'k'), "ok");
    CHECK_STR(FMT("100%%"), "100%");
    CHECK_STR(FMT("%q"), "%q");
    CHECK_STR(FMT("trailing %"), "trailing %");
    UNIT_END();

    UNIT_BEGIN("snprintf: truncates, terminates, returns the full length");
    char small[6];
    int n = k_snprintf(small, sizeof small, "%s", "abcdefgh");
    CHECK(n == 8);
    CHECK_STR(small, "abcde");
    CHECK(k_snprintf(small, 0, "xyz") == 3);
    UNIT_END();
    UNIT_EXIT();
}
