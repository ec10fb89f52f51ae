/*
 * Program images: a file's bytes as exec found them, frozen. exec takes
 * one (inode_ops.image) and the address space's segments read their
 * pages from it at each first touch (mm/vm.c), long after exec returned,
 * without any file-system lock: an image never changes. A file from the
 * initramfs is its bytes in place; a file in frames shares its frames
 * with the image (one frame reference each), and a later write to the
 * file copies the frame first (tmpfs), so the running program keeps the
 * bytes it was started from.
 */
#ifndef FS_IMAGE_H
#define FS_IMAGE_H

#include <stdint.h>

struct fs_image {
    int refs;                   /* atomic: each segment holds one */
    const uint8_t *data;        /* bytes in place (initramfs), or NULL: pages */
    uint32_t size;
    uint32_t npages;
    uint32_t pages[];           /* a frame per page (0: zeros), a reference each */
};

/* An image with room for npages, one reference; NULL without memory. */
struct fs_image *fs_image_alloc(uint32_t size, uint32_t npages);
struct fs_image *fs_image_dup(struct fs_image *img);
void fs_image_put(struct fs_image *img);
/* Copies bytes [off, off + n) into dst; what lies past the end is zero. */
void fs_image_copy(const struct fs_image *img, void *dst, uint32_t off, uint32_t n);

#endif
