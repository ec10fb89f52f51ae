/*
 * Moving data between the kernel and the current process's memory. Every
 * user pointer a system call receives goes through these: they check the
 * whole range lies in user space and is mapped with the needed access
 * (faulting in heap/stack pages and breaking copy-on-write as the CPU
 * would), so a bad pointer makes them return -1 and never faults the
 * kernel.
 */
#ifndef MM_UACCESS_H
#define MM_UACCESS_H

#include <stdbool.h>
#include <stdint.h>

#include "mm/vm.h"

int copyin(void *dst, uaddr_t src, uint32_t n);          /* 0 or -1 */
int copyout(uaddr_t dst, const void *src, uint32_t n);   /* 0 or -1 */
/* Checks that copyout(dst, ..., n) would succeed (faulting pages in as it
 * would), for calls that must not act before knowing: 0 or -1. */
int copyout_check(uaddr_t dst, uint32_t n);
/* Copies a NUL-terminated string of at most max-1 characters; returns its
 * length, or -1 if it is unmapped or not terminated within max. */
int copyinstr(char *dst, uaddr_t src, uint32_t max);
/* Whether the whole buffer [va, va + n) is accessible (write: writable) by
 * the current process, checked up front without faulting anything in.
 * read and write use it so that a bad buffer fails whole, before
 * anything moves, is consumed or blocks (copyin/copyout alone fail only
 * at the first bad page, after copying what came before it). */
bool user_buffer_ok(uaddr_t va, uint32_t n, bool write);

#endif
