/*
 * The C runtime's entry point. exec builds the initial stack exactly as a
 * call _start(argc, argv) would, so this is an ordinary C function: it
 * runs main and hands main's return value to exit.
 */
#include "user.h"

int main(int argc, char **argv);

void _start(int argc, char **argv) __attribute__((noreturn, used));

void _start(int argc, char **argv)
{
    exit(main(argc, argv));
}
