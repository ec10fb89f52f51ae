/* The VGA text screen (80x25, colour): the console's window side. */
#ifndef DEV_VGA_H
#define DEV_VGA_H

void vga_init(void);
void vga_putc(char c);      /* '\b' moves the cursor left, erasing nothing */
void vga_clear(void);

#endif
