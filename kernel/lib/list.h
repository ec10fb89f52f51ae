/*
 * Intrusive doubly linked lists: the node lives inside the object, so
 * putting a process on a queue never allocates, and removing it is O(1).
 * A list head is a node pointing at itself when empty.
 *
 *   struct list ready;            list_init(&ready);
 *   list_push_back(&ready, &p->run_node);
 *   struct proc *p = list_entry(list_pop_front(&ready), struct proc, run_node);
 */
#ifndef LIB_LIST_H
#define LIB_LIST_H

#include <stdbool.h>
#include <stddef.h>

struct list_node {
    struct list_node *prev, *next;
};

struct list {
    struct list_node head;
};

#define list_entry(node, type, member) \
    ((type *)((char *)(node) - offsetof(type, member)))

static inline void list_init(struct list *l)
{
    l->head.prev = l->head.next = &l->head;
}

/* A node not on any list points at itself (so list_unlink is idempotent). */
static inline void list_node_init(struct list_node *n)
{
    n->prev = n->next = n;
}

static inline bool list_empty(const struct list *l)
{
    return l->head.next == &l->head;
}

static inline bool list_node_linked(const struct list_node *n)
{
    return n->next != n;
}

static inline void list_insert_before(struct list_node *at, struct list_node *n)
{
    n->prev = at->prev;
    n->next = at;
    at->prev->next = n;
    at->prev = n;
}

static inline void list_push_back(struct list *l, struct list_node *n)
{
    list_insert_before(&l->head, n);
}

static inline void list_push_front(struct list *l, struct list_node *n)
{
    list_insert_before(l->head.next, n);
}

static inline void list_unlink(struct list_node *n)
{
    n->prev->next = n->next;
    n->next->prev = n->prev;
    list_node_init(n);
}

static inline struct list_node *list_first(const struct list *l)
{
    return list_empty(l) ? NULL : l->head.next;
}

static inline struct list_node *list_pop_front(struct list *l)
{
    struct list_node *n = list_first(l);
    if (n)
        list_unlink(n);
    return n;
}

#define list_for_each(n, l) \
    for (struct list_node *n = (l)->head.next; n != &(l)->head; n = n->next)

/* Safe against unlinking n inside the loop. */
#define list_for_each_safe(n, tmp, l)                                       \
    for (struct list_node *n = (l)->head.next, *tmp = n->next;              \
         n != &(l)->head; n = tmp, tmp = n->next)

#endif
