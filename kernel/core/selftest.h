/*
 * Kernel self-tests chosen by the boot option test=NAME. They let the
 * system tests in tests/boot/ drive the kernel into situations that must
 * be reported clearly (a kernel fault, a failed assertion) and check
 * subsystems from the inside. With no test= option nothing runs.
 */
#ifndef CORE_SELFTEST_H
#define CORE_SELFTEST_H

/* Runs the named test (NULL: none). Tests that finish power off. */
void selftest_run(const char *name);

#endif
