/*
 * malloc/free: a first-fit free list, kept in address order so that
 * neighbouring free blocks merge. Memory comes from sbrk in steps of at
 * least 4 KiB. Each block starts with a header holding its size.
 */
#include "user.h"

struct header {
    struct header *next;        /* free list only */
    size_t size;                /* bytes, header included, multiple of 16 */
    size_t pad[2];              /* keeps payloads 16-byte aligned */
};

static struct header *free_list;

static void insert_free(struct header *b)
{
    struct header **link = &free_list;
    while (*link && *link < b)
        link = &(*link)->next;
    b->next = *link;
    *link = b;
    if (b->next && (char *)b + b->size == (char *)b->next) {   /* merge up */
        b->size += b->next->size;
        b->next = b->next->next;
    }
    struct header *prev = free_list;
    while (prev && prev->next != b)
        prev = prev->next;
    if (prev && (char *)prev + prev->size == (char *)b) {      /* merge down */
        prev->size += b->size;
        prev->next = b->next;
    }
}

static int grow(size_t need)
{
    size_t n = need < 4096 ? 4096 : (need + 4095) & ~(size_t)4095;
    char *p = sbrk((int)n);
    if (p == (char *)-1)
        return -1;
    struct header *b = (struct header *)p;
    b->size = n;
    insert_free(b);
    return 0;
}

void *malloc(size_t n)
{
    if (n == 0 || n > 0x40000000)
        return NULL;
    size_t need = (n + sizeof(struct header) + 15) & ~(size_t)15;
    for (int tries = 0; tries < 2; tries++) {
        for (struct header **link = &free_list; *link; link = &(*link)->next) {
            struct header *b = *link;
            if (b->size < need)
                continue;
            if (b->size - need >= 2 * sizeof(struct header)) {   /* split */
                struct header *rest = (struct header *)((char *)b + need);
                rest->size = b->size - need;
                rest->next = b->next;
                b->size = need;
                *link = rest;
            } else {
                *link = b->next;
            }
            return b + 1;
        }
        if (grow(need) < 0)
            return NULL;
    }
    return NULL;
}

void free(void *p)
{
    if (p)
        insert_free((struct header *)p - 1);
}
