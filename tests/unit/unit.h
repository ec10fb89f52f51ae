/*
 * A tiny unit-test framework for host tests of pure kernel code.
 *
 *   UNIT_BEGIN("formats %d");  CHECK(x == 1); CHECK_STR(buf, "12"); UNIT_END();
 *
 * Each UNIT_BEGIN/UNIT_END group prints one "PASS name" or "FAIL name: ..."
 * line, which tools/testrun.py counts.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static const char *unit_name;
static int unit_failed;
static int unit_any_failed;

#define UNIT_BEGIN(name) do { unit_name = (name); unit_failed = 0; } while (0)
#define UNIT_END() do {                                                       \
        printf("%s %s\n", unit_failed ? "FAIL" : "PASS", unit_name);          \
        unit_any_failed |= unit_failed;                                       \
    } while (0)
#define CHECK(cond) do {                                                      \
        if (!(cond)) {                                                        \
            printf("  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
            unit_failed = 1;                                                  \
        }                                                                     \
    } while (0)
#define CHECK_STR(got, want) do {                                             \
        const char *g_ = (got), *w_ = (want);                                 \
        if (strcmp(g_, w_) != 0) {                                            \
            printf("  %s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, g_, w_); \
            unit_failed = 1;                                                  \
        }                                                                     \
    } while (0)
#define UNIT_EXIT() return unit_any_failed

#endif
