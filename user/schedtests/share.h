/*
 * The proportional-share experiment of the lottery and stride tests: three
 * CPU-bound processes with 30, 20 and 10 tickets, released at the same
 * moment, run for WINDOW ticks; their CPU ticks come from getpinfo() (the
 * OSTEP lab's way) at the start and at the end.
 */
#ifndef SHARE_H
#define SHARE_H

#include "pstat.h"
#include "stest.h"

static const int share_tickets[3] = { 30, 20, 10 };

static void take_tickets(int n)
{
    settickets(n);
}

/* The ticks of pid in ps, or 0. */
static unsigned int pstat_ticks(const struct pstat *ps, int pid)
{
    for (int i = 0; i < NPROC; i++)
        if (ps->inuse[i] && ps->pid[i] == pid)
            return (unsigned int)ps->ticks[i];
    return 0;
}

static int pstat_tickets(const struct pstat *ps, int pid)
{
    for (int i = 0; i < NPROC; i++)
        if (ps->inuse[i] && ps->pid[i] == pid)
            return ps->tickets[i];
    return -1;
}

/* Runs the experiment; got[i] = ticks of the process with share_tickets[i]. */
static void run_shares(int window, unsigned int got[3])
{
    static struct pstat before, after;
    int go[2], pids[3];
    settickets(100);            /* so that we wake up on time to measure */
    pipe(go);
    for (int i = 0; i < 3; i++)
        pids[i] = spawn_spinner(go[0], take_tickets, share_tickets[i]);
    sleep(2);                               /* each has its tickets, waits at the pipe */
    write(go[1], "ggg", 3);
    CHECK(getpinfo(&before) == 0);
    sleep(window);
    CHECK(getpinfo(&after) == 0);
    for (int i = 0; i < 3; i++) {
        EXPECT(pstat_tickets(&after, pids[i]) == share_tickets[i], "getpinfo to show pid %d with %d tickets",
               pids[i], share_tickets[i]);
        got[i] = pstat_ticks(&after, pids[i]) - pstat_ticks(&before, pids[i]);
    }
    kill_all(pids, 3);
    settickets(1);
}

#endif
