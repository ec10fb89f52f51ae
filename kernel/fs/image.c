/* Program images; see image.h. */
#include "fs/image.h"

#include "lib/string.h"
#include "mm/frame.h"
#include "mm/kheap.h"
#include "mm/vm.h"

struct fs_image *fs_image_alloc(uint32_t size, uint32_t npages)
{
    struct fs_image *img = kzalloc(sizeof *img + npages * sizeof img->pages[0]);
    if (!img)
        return 0;
    img->refs = 1;
    img->size = size;
    img->npages = npages;
    return img;
}

struct fs_image *fs_image_dup(struct fs_image *img)
{
    __atomic_add_fetch(&img->refs, 1, __ATOMIC_SEQ_CST);
    return img;
}

void fs_image_put(struct fs_image *img)
{
    if (__atomic_sub_fetch(&img->refs, 1, __ATOMIC_SEQ_CST) > 0)
        return;
    for (uint32_t i = 0; i < img->npages; i++)
        if (img->pages[i])
            frame_put(img->pages[i]);
    kfree(img);
}

void fs_image_copy(const struct fs_image *img, void *dst, uint32_t off, uint32_t n)
{
    char *to = dst;
    memset(to, 0, n);
    if (off >= img->size)
        return;
    if (n > img->size - off)
        n = img->size - off;
    if (img->data) {
        memcpy(to, img->data + off, n);
        return;
    }
    for (uint32_t done = 0; done < n;) {
        uint32_t pos = off + done, pg = pos / PGSIZE, in = pos % PGSIZE;
        uint32_t chunk = PGSIZE - in < n - done ? PGSIZE - in : n - done;
        if (pg < img->npages && img->pages[pg])
            memcpy(to + done, (const char *)P2V(img->pages[pg]) + in, chunk);
        done += chunk;
    }
}
