/* The 16550 UART on COM1: the console's terminal side (QEMU -serial). */
#ifndef DEV_SERIAL_H
#define DEV_SERIAL_H

void serial_init(void);
void serial_putc(char c);
/* Starts interrupt-driven input: received bytes go to console_input(). */
void serial_enable_input(void);

#endif
