// Host tests of kernel/core/cmdline.c, the boot command-line parser.
// sources: kernel/core/cmdline.c
#include "core/cmdline.h"
#include "unit.h"

#include <limits.h>

static struct cmdline cl;

int main(void)
{
    UNIT_BEGIN("cmdline: skips the kernel path, reads key=value");
    cmdline_parse(&cl, "build/kernel.elf sched=rr test=boot");
    CHECK(cl.nopts == 2);
    CHECK_STR(cmdline_lookup(&cl, "sched"), "rr");
    CHECK_STR(cmdline_lookup(&cl, "test"), "boot");
    CHECK(cmdline_lookup(&cl, "nothere") == 0);
    UNIT_END();

    UNIT_BEGIN("cmdline: a first word with '=' is an option");
    cmdline_parse(&cl, "a=1 b=2");
    CHECK(cl.nopts == 2);
    CHECK_STR(cmdline_lookup(&cl, "a"), "1");
    UNIT_END();

    UNIT_BEGIN("cmdline: flags, empty values, extra spaces, last wins");
    cmdline_parse(&cl, "  /kernel   poweroff  x=  y=3 y=4\t");
    CHECK(cl.nopts == 4);
    CHECK_STR(cmdline_lookup(&cl, "poweroff"), "");
    CHECK_STR(cmdline_lookup(&cl, "x"), "");
    CHECK_STR(cmdline_lookup(&cl, "y"), "4");
    UNIT_END();

    UNIT_BEGIN("cmdline: quoted values keep spaces and '='");
    cmdline_parse(&cl, "k cmd=\"echo a=b  c\" z=1");
    CHECK_STR(cmdline_lookup(&cl, "cmd"), "echo a=b  c");
    CHECK_STR(cmdline_lookup(&cl, "z"), "1");
    UNIT_END();

    UNIT_BEGIN("cmdline: empty and NULL lines");
    cmdline_parse(&cl, "");
    CHECK(cl.nopts == 0);
    cmdline_parse(&cl, 0);
    CHECK(cl.nopts == 0);
    cmdline_parse(&cl, "kernelonly");
    CHECK(cl.nopts == 0);
    UNIT_END();

    UNIT_BEGIN("cmdline: too many options are dropped and flagged");
    char line[600] = "k";
    for (int i = 0; i < 40; i++)
        sprintf(line + strlen(line), " o%d=%d", i, i);
    cmdline_parse(&cl, line);
    CHECK(cl.nopts == CMDLINE_MAX_OPTS);
    CHECK(cl.truncated);
    CHECK_STR(cmdline_lookup(&cl, "o31"), "31");
    CHECK(cmdline_lookup(&cl, "o32") == 0);
    UNIT_END();

    UNIT_BEGIN("cmdline: an over-long line is cut, not overrun");
    static char huge[4000];
    memset(huge, 'a', sizeof huge - 1);
    memcpy(huge, "k v=", 4);
    cmdline_parse(&cl, huge);
    CHECK(cl.truncated);
    UNIT_END();

    UNIT_BEGIN("cmdline: integers in range are read, out of range refused");
    int n = 42;
    CHECK(cmdline_parse_int("0", &n) && n == 0);
    CHECK(cmdline_parse_int("-17", &n) && n == -17);
    CHECK(cmdline_parse_int("2147483647", &n) && n == INT_MAX);
    CHECK(cmdline_parse_int("-2147483648", &n) && n == INT_MIN);
    n = 42;
    CHECK(!cmdline_parse_int("2147483648", &n));
    CHECK(!cmdline_parse_int("-2147483649", &n));
    CHECK(!cmdline_parse_int("4294967296", &n));        /* wrapped to 0 before */
    CHECK(!cmdline_parse_int("99999999999999999999", &n));
    CHECK(n == 42);
    UNIT_END();

    UNIT_BEGIN("cmdline: integers: junk, signs alone and empty values refused");
    CHECK(!cmdline_parse_int("", &n));
    CHECK(!cmdline_parse_int(0, &n));
    CHECK(!cmdline_parse_int("-", &n));
    CHECK(!cmdline_parse_int("12a", &n));
    CHECK(!cmdline_parse_int("+5", &n));
    CHECK(!cmdline_parse_int(" 5", &n));
    CHECK(n == 42);
    UNIT_END();
    UNIT_EXIT();
}
