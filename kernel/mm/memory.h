/* Bringing up memory at boot: paging, frames, the heap. */
#ifndef MM_MEMORY_H
#define MM_MEMORY_H

#include <stdint.h>

#define MEMORY_MIN_MB 8         /* less than this and the kernel refuses to run */

/* From bootinfo: switches to the kernel's page directory, gives every free
 * frame to the frame allocator and reports usable and free memory. */
void memory_init(void);

#endif
