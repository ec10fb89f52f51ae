/*
 * getpinfo()'s record: exactly the OSTEP lottery lab's struct pstat, one
 * entry per process-table slot (index i is slot i, not pid i). Shared by
 * kernel and user; a user program reaches it with #include "pstat.h".
 */
#ifndef ABI_PSTAT_H
#define ABI_PSTAT_H

/* Process-table slots. The Makefile passes -DNPROC=$(NPROC) to the kernel
 * and to user programs alike, so both agree on the size of struct pstat;
 * this default (the Makefile's) only serves code built without it. */
#ifndef NPROC
#define NPROC 64
#endif

struct pstat {
    int inuse[NPROC];   /* 1 if this slot holds a process (zombies too) */
    int tickets[NPROC]; /* its tickets (settickets(); 1 by default) */
    int pid[NPROC];     /* its pid */
    int ticks[NPROC];   /* timer ticks it has run (ticks while RUNNING) */
};

#endif
