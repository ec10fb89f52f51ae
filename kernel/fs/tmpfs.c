/*
 * tmpfs; see tmpfs.h. One lock, tmpfs_lock, guards the whole tree: the
 * directories' entries, and every node's pages, size, counts and parent.
 * Operations are short (at most one write's worth of copying), so one
 * lock keeps the rules simple; a file system on a disk, which must sleep
 * for the device, would need a sleep lock per inode instead.
 */
#include "fs/tmpfs.h"

#include "core/kprintf.h"
#include "core/panic.h"
#include "fs/image.h"
#include "fs/initramfs.h"
#include "fs/vfs.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/kheap.h"

/* Everything here is guarded by tmpfs_lock. There are no hard links, so
 * a node has at most one name and is its own directory entry. */
struct tmpfs_node {
    struct inode vfs;               /* first: a struct inode * is a node */
    char name[MAXNAME + 1];         /* its name in its directory */
    struct tmpfs_node *next;        /* the next entry of that directory */
    uint32_t *pages;                /* a frame per page of the file, 0 = a hole (zeros) */
    uint32_t npages;                /* entries in pages */
    const uint8_t *borrowed;        /* the initramfs's bytes, until the first change */
    struct tmpfs_node *entries;     /* a directory's, in creation order */
    struct tmpfs_node **tail;       /* where the next entry is linked (NULL: &entries) */
    struct tmpfs_node *parent;      /* a directory's ".." (the root's is itself) */
};

static struct spinlock tmpfs_lock = SPINLOCK_INIT("tmpfs", LOCK_RANK_TMPFS);
static uint32_t next_ino = 1;       /* guarded by tmpfs_lock */
static const char zeros[PGSIZE];    /* what a hole reads as */
static const struct inode_ops tmpfs_ops;

static struct tmpfs_node *node_of(struct inode *ip)
{
    return (struct tmpfs_node *)ip;
}

/* Whether a file-system allocation may go ahead: the reserve stays free. */
static bool memory_left(void)
{
    return frame_count_free() > TMPFS_RESERVE_FRAMES;
}

static uint32_t take_frame(void)
{
    uint32_t pa = memory_left() ? frame_alloc() : 0;
    if (pa)
        memset(P2V(pa), 0, PGSIZE);
    return pa;
}

static void free_pages(struct tmpfs_node *n)
{
    for (uint32_t i = 0; i < n->npages; i++)
        if (n->pages[i])
            frame_put(n->pages[i]);     /* a program image may share it */
    kfree(n->pages);
    n->pages = 0;
    n->npages = 0;
    n->borrowed = 0;
    n->vfs.size = 0;
}

/* Makes room for page index pg in n->pages (doubling); -1 if it cannot. */
static int grow_index(struct tmpfs_node *n, uint32_t pg)
{
    if (pg < n->npages)
        return 0;
    if (pg >= TMPFS_MAX_PAGES || !memory_left())
        return -1;
    uint32_t want = n->npages ? n->npages * 2 : 8;
    while (want <= pg)
        want *= 2;
    if (want > TMPFS_MAX_PAGES)
        want = TMPFS_MAX_PAGES;
    uint32_t *pages = kzalloc(want * sizeof *pages);
    if (!pages)
        return -1;
    if (n->npages)
        memcpy(pages, n->pages, n->npages * sizeof *pages);
    kfree(n->pages);
    n->pages = pages;
    n->npages = want;
    return 0;
}

/* Copies a file still read from the initramfs into frames of its own
 * (before its first write); -1, and nothing changed, if memory runs out. */
static int own_pages(struct tmpfs_node *n)
{
    const uint8_t *src = n->borrowed;
    uint32_t size = n->vfs.size;
    n->borrowed = 0;
    for (uint32_t at = 0; at < size; at += PGSIZE) {
        uint32_t pg = at / PGSIZE, pa;
        if (grow_index(n, pg) < 0 || !(pa = take_frame())) {
            free_pages(n);
            n->borrowed = src;
            n->vfs.size = size;
            return -1;
        }
        n->pages[pg] = pa;
        memcpy(P2V(pa), src + at, size - at < PGSIZE ? size - at : PGSIZE);
    }
    return 0;
}

/* The bytes of page pg (a frame, the initramfs, or zeros). */
static const char *page_data(struct tmpfs_node *n, uint32_t pg)
{
    if (n->borrowed)
        return (const char *)n->borrowed + pg * PGSIZE;
    if (pg < n->npages && n->pages[pg])
        return P2V(n->pages[pg]);
    return zeros;
}

static int tmpfs_read(struct inode *ip, uint32_t off, struct fs_buf to, uint32_t n)
{
    struct tmpfs_node *node = node_of(ip);
    spin_lock(&tmpfs_lock);
    uint32_t size = ip->size;
    if (off >= size)
        n = 0;
    else if (n > size - off)
        n = size - off;
    uint32_t done = 0;
    while (done < n) {
        uint32_t pos = off + done, in = pos % PGSIZE;
        uint32_t chunk = PGSIZE - in < n - done ? PGSIZE - in : n - done;
        if (fs_buf_put(to, done, page_data(node, pos / PGSIZE) + in, chunk) < 0)
            break;
        done += chunk;
    }
    spin_unlock(&tmpfs_lock);
    return done || n == 0 ? (int)done : -1;
}

/* Gives page pg a frame of its own: a program image shares the old one. */
static int unshare_page(struct tmpfs_node *n, uint32_t pg)
{
    uint32_t copy = take_frame();
    if (!copy)
        return -1;
    memcpy(P2V(copy), P2V(n->pages[pg]), PGSIZE);
    frame_put(n->pages[pg]);
    n->pages[pg] = copy;
    return 0;
}

/* Writes one page's worth at pos; the count, or 0 if no memory / bad buffer. */
static uint32_t write_chunk(struct tmpfs_node *n, uint32_t pos, struct fs_buf from,
                            uint32_t at, uint32_t left)
{
    uint32_t pg = pos / PGSIZE, in = pos % PGSIZE;
    uint32_t chunk = PGSIZE - in < left ? PGSIZE - in : left;
    if (grow_index(n, pg) < 0)
        return 0;
    if (!n->pages[pg] && !(n->pages[pg] = take_frame()))
        return 0;
    if (frame_refs(n->pages[pg]) > 1 && unshare_page(n, pg) < 0)
        return 0;
    if (fs_buf_get((char *)P2V(n->pages[pg]) + in, from, at, chunk) < 0)
        return 0;
    if (pos + chunk > n->vfs.size)
        n->vfs.size = pos + chunk;
    return chunk;
}

static int tmpfs_write(struct inode *ip, uint32_t *off, bool append, struct fs_buf from, uint32_t n)
{
    struct tmpfs_node *node = node_of(ip);
    spin_lock(&tmpfs_lock);
    if (append)
        *off = ip->size;        /* under the lock: appenders never overlap */
    uint32_t done = 0;
    if (!node->borrowed || own_pages(node) == 0) {
        while (done < n && *off + done < TMPFS_MAX_PAGES * PGSIZE) {
            uint32_t k = write_chunk(node, *off + done, from, done, n - done);
            if (k == 0)
                break;
            done += k;
        }
    }
    spin_unlock(&tmpfs_lock);
    *off += done;
    return done ? (int)done : -1;
}

static void tmpfs_truncate(struct inode *ip)
{
    spin_lock(&tmpfs_lock);
    free_pages(node_of(ip));
    spin_unlock(&tmpfs_lock);
}

static struct fs_image *tmpfs_image(struct inode *ip)
{
    struct tmpfs_node *n = node_of(ip);
    spin_lock(&tmpfs_lock);
    uint32_t npages = n->borrowed ? 0 : PGROUNDUP(ip->size) / PGSIZE;
    struct fs_image *img = fs_image_alloc(ip->size, npages);
    if (img) {
        img->data = n->borrowed;
        for (uint32_t i = 0; i < npages; i++) {
            img->pages[i] = i < n->npages ? n->pages[i] : 0;
            if (img->pages[i])
                frame_get(img->pages[i]);
        }
    }
    spin_unlock(&tmpfs_lock);
    return img;
}

/* One line of a directory's listing into line; its length. */
static uint32_t listing_line(const struct tmpfs_node *d, char *line)
{
    uint32_t len = (uint32_t)strlen(d->name);
    memcpy(line, d->name, len);
    if (d->vfs.type == T_DIR)
        line[len++] = '/';
    line[len++] = '\n';
    return len;
}

static int tmpfs_readdir(struct inode *dir, uint32_t off, struct fs_buf to, uint32_t n)
{
    spin_lock(&tmpfs_lock);
    uint32_t pos = 0, done = 0;
    for (struct tmpfs_node *d = node_of(dir)->entries; d && done < n; d = d->next) {
        char line[MAXNAME + 2];
        uint32_t len = listing_line(d, line);
        if (pos + len > off) {
            uint32_t from = off > pos ? off - pos : 0;
            uint32_t k = len - from < n - done ? len - from : n - done;
            if (fs_buf_put(to, done, line + from, k) < 0)
                break;
            done += k;
            off = pos + from + k;
        }
        pos += len;
    }
    spin_unlock(&tmpfs_lock);
    return (int)done;
}

static struct tmpfs_node *find_entry(struct tmpfs_node *dir, const char *name,
                                     struct tmpfs_node ***link)
{
    struct tmpfs_node **l = &dir->entries;
    for (; *l; l = &(*l)->next) {
        if (strcmp((*l)->name, name) == 0) {
            if (link)
                *link = l;
            return *l;
        }
    }
    return 0;
}

/* A removed directory has no entries and no "." or "..": lookups and
 * creations in it fail (a process whose working directory it was). */
static struct inode *tmpfs_lookup(struct inode *dir, const char *name)
{
    struct tmpfs_node *d = node_of(dir), *found = 0;
    spin_lock(&tmpfs_lock);
    if (dir->nlink > 0) {
        found = strcmp(name, ".") == 0 ? d : strcmp(name, "..") == 0 ? d->parent
              : find_entry(d, name, 0);
    }
    if (found)
        found->vfs.refs++;
    spin_unlock(&tmpfs_lock);
    return found ? &found->vfs : 0;
}

static struct tmpfs_node *node_alloc(int type, struct tmpfs_node *parent)
{
    struct tmpfs_node *n = memory_left() ? kzalloc(sizeof *n) : 0;
    if (!n)
        return 0;
    n->vfs = (struct inode){ .ops = &tmpfs_ops, .type = type, .ino = next_ino++,
                             .lock = &tmpfs_lock, .refs = 1, .nlink = 1 };
    n->parent = type == T_DIR ? parent : 0;
    return n;
}

static struct tmpfs_node *link_new(struct tmpfs_node *dir, const char *name, int type);

static struct inode *tmpfs_create(struct inode *dir, const char *name, int type)
{
    struct tmpfs_node *d = node_of(dir), *n = 0;
    spin_lock(&tmpfs_lock);
    if (dir->nlink > 0 && !find_entry(d, name, 0) && (n = link_new(d, name, type)))
        n->vfs.refs = 1;        /* the caller's */
    spin_unlock(&tmpfs_lock);
    return n ? &n->vfs : 0;
}

static void node_free(struct tmpfs_node *n)
{
    ASSERT(n->vfs.refs == 0 && n->vfs.nlink == 0 && !n->entries);
    free_pages(n);
    kfree(n);
}

static int tmpfs_unlink(struct inode *dir, const char *name)
{
    struct tmpfs_node **link, *n;
    int r = -1;
    spin_lock(&tmpfs_lock);
    n = find_entry(node_of(dir), name, &link);
    if (n && !n->entries) {
        *link = n->next;
        if (!n->next)
            node_of(dir)->tail = link;
        dir->size--;
        if (--n->vfs.nlink == 0 && n->vfs.refs == 0)
            node_free(n);
        r = 0;
    }
    spin_unlock(&tmpfs_lock);
    return r;
}

static void tmpfs_release(struct inode *ip)
{
    ASSERT(spin_holding(&tmpfs_lock));
    if (ip->nlink == 0)
        node_free(node_of(ip));
}

static const struct inode_ops tmpfs_ops = {
    .read = tmpfs_read,
    .write = tmpfs_write,
    .truncate = tmpfs_truncate,
    .image = tmpfs_image,
    .readdir = tmpfs_readdir,
    .lookup = tmpfs_lookup,
    .create = tmpfs_create,
    .unlink = tmpfs_unlink,
    .release = tmpfs_release,
};

/* Links a new node of type into dir as name, with no reference yet;
 * with tmpfs_lock held. NULL without memory. */
static struct tmpfs_node *link_new(struct tmpfs_node *dir, const char *name, int type)
{
    struct tmpfs_node *n = node_alloc(type, dir);
    if (!n)
        return 0;
    n->vfs.refs = 0;
    strlcpy(n->name, name, sizeof n->name);
    struct tmpfs_node **l = dir->tail ? dir->tail : &dir->entries;
    *l = n;
    dir->tail = &n->next;
    dir->vfs.size++;
    return n;
}

/* The next component of path into name, advancing *path; false at the
 * end or for a name too long. */
static bool boot_component(const char **path, char name[MAXNAME + 1])
{
    const char *slash = strchr(*path, '/');
    size_t len = slash ? (size_t)(slash - *path) : strlen(*path);
    if (len == 0 || len > MAXNAME)
        return false;
    memcpy(name, *path, len);
    name[len] = '\0';
    *path += len + (slash != 0);
    return true;
}

/* Adds one initramfs entry ("bin/sh"), making the directories above it;
 * with tmpfs_lock held. Nothing else runs yet and the tree only grows, so
 * no references are taken. */
static void add_entry(struct tmpfs_node *root, const struct ramfile *rf)
{
    char name[MAXNAME + 1];
    const char *p = rf->name;
    struct tmpfs_node *dir = root;
    while (boot_component(&p, name)) {
        bool last = !*p;
        int type = last && !rf->is_dir ? T_FILE : T_DIR;
        struct tmpfs_node *n = find_entry(dir, name, 0);
        if (!n)
            n = link_new(dir, name, type);
        if (!n)
            panic("tmpfs: no memory for the initramfs's %s", rf->name);
        if (last) {
            if (n->vfs.type == T_FILE) {
                n->borrowed = rf->data;
                n->vfs.size = rf->size;
            }
            return;
        }
        if (n->vfs.type != T_DIR)
            break;
        dir = n;
    }
    kprintf("tmpfs: initramfs entry %s: a name too long or under a file, left out\n", rf->name);
}

struct inode *tmpfs_mount(void)
{
    spin_lock(&tmpfs_lock);
    struct tmpfs_node *root = node_alloc(T_DIR, 0);
    if (!root)
        panic("tmpfs: no memory for the root");
    root->parent = root;             /* the root's ".." is itself */
    const struct ramfile *rf;
    for (int i = 0; (rf = initramfs_entry(i)) != 0; i++)
        add_entry(root, rf);
    spin_unlock(&tmpfs_lock);
    return &root->vfs;
}
