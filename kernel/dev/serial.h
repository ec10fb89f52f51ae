/* The 16550 UART on COM1: the console's terminal side (QEMU -serial). */
#ifndef DEV_SERIAL_H
#define DEV_SERIAL_H

#include <stdbool.h>

void serial_init(void);
void serial_putc(char c);
/* Starts interrupt-driven input: received bytes go to console_input(). */
void serial_enable_input(void);
/* The console has room again: take the input held in the UART. */
void serial_input_resume(void);

/* COM2 (0x2F8): the kernel log's own port under klog=com2. */
bool serial_com2_init(void);        /* false when there is no COM2 */
void serial_com2_putc(char c);

#endif
