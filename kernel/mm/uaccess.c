/* copyin/copyout: see uaccess.h. They walk the page tables page by page. */
#include "mm/uaccess.h"

#include <stdbool.h>

#include "lib/string.h"
#include "proc/proc.h"

/* One page's worth at a time: returns the kernel pointer for user range
 * [va, va + chunk) where chunk stops at the page end, or NULL. */
static void *user_chunk(uaddr_t va, uint32_t left, bool write, uint32_t *chunk)
{
    uint32_t in_page = PGSIZE - (va & (PGSIZE - 1));
    *chunk = left < in_page ? left : in_page;
    return vm_user_ptr(current_proc()->as, va, write);
}

static bool user_range_ok(uaddr_t va, uint32_t n)
{
    return va < USER_TOP && n <= USER_TOP - va;
}

int copyin(void *dst, uaddr_t src, uint32_t n)
{
    if (!user_range_ok(src, n))
        return -1;
    for (uint32_t chunk; n > 0; n -= chunk, src += chunk, dst = (char *)dst + chunk) {
        void *k = user_chunk(src, n, false, &chunk);
        if (!k)
            return -1;
        memcpy(dst, k, chunk);
    }
    return 0;
}

int copyout(uaddr_t dst, const void *src, uint32_t n)
{
    if (!user_range_ok(dst, n))
        return -1;
    for (uint32_t chunk; n > 0; n -= chunk, dst += chunk, src = (const char *)src + chunk) {
        void *k = user_chunk(dst, n, true, &chunk);
        if (!k)
            return -1;
        memcpy(k, src, chunk);
    }
    return 0;
}

int copyout_check(uaddr_t dst, uint32_t n)
{
    if (!user_range_ok(dst, n))
        return -1;
    for (uint32_t chunk; n > 0; n -= chunk, dst += chunk)
        if (!user_chunk(dst, n, true, &chunk))
            return -1;
    return 0;
}

int copyinstr(char *dst, uaddr_t src, uint32_t max)
{
    uint32_t len = 0;
    while (len < max) {
        if (!user_range_ok(src, 1))
            return -1;
        uint32_t chunk;
        const char *k = user_chunk(src, max - len, false, &chunk);
        if (!k)
            return -1;
        for (uint32_t i = 0; i < chunk; i++) {
            dst[len] = k[i];
            if (k[i] == '\0')
                return (int)len;
            len++;
        }
        src += chunk;
    }
    return -1;                  /* no terminator within max */
}

bool user_buffer_ok(uaddr_t va, uint32_t n, bool write)
{
    return vm_range_ok(current_proc()->as, va, n, write);
}
