/* The scheduling system calls, under any policy: setpriority/getpriority
 * (0..31, default 16, inherited by fork, -1 for a bad pid or value),
 * settickets (default 1, inherited by fork, -1 for n < 1) and getpinfo
 * (the OSTEP struct pstat; -1 for a bad pointer). */
#include "pstat.h"
#include "stest.h"

static struct pstat ps;

/* pid's slot in ps, or -1. */
static int slot_of(int pid)
{
    for (int i = 0; i < NPROC; i++)
        if (ps.inuse[i] && ps.pid[i] == pid)
            return i;
    return -1;
}

int main(void)
{
    int me = getpid();
    /* priorities */
    EXPECT(getpriority(me) == 16, "the default priority 16, got %d", getpriority(me));
    CHECK(setpriority(me, -1) == -1);
    CHECK(setpriority(me, 32) == -1);
    CHECK(setpriority(99999, 5) == -1);
    CHECK(getpriority(99999) == -1);
    CHECK(getpriority(-3) == -1);
    CHECK(setpriority(me, 0) == 0 && getpriority(me) == 0);
    CHECK(setpriority(me, 31) == 0 && getpriority(me) == 31);
    CHECK(setpriority(me, 20) == 0);
    /* tickets */
    CHECK(settickets(0) == -1);
    CHECK(settickets(-5) == -1);
    CHECK(getpinfo(&ps) == 0);
    int s = slot_of(me);
    EXPECT(s >= 0 && ps.tickets[s] == 1, "1 ticket by default, got %d", s >= 0 ? ps.tickets[s] : -1);
    CHECK(settickets(7) == 0);
    /* getpinfo */
    CHECK(getpinfo(0) == -1);
    CHECK(getpinfo((struct pstat *)0xC0000000) == -1);   /* the kernel's memory */
    CHECK(getpinfo(&ps) == 0);
    s = slot_of(me);
    EXPECT(s >= 0 && ps.tickets[s] == 7, "settickets(7) to show in getpinfo");
    int in_use = 0;
    for (int i = 0; i < NPROC; i++)
        in_use += ps.inuse[i] != 0;
    struct sysinfo si;
    sysinfo(&si);
    EXPECT(in_use == (int)si.nproc, "getpinfo's inuse slots (%d) to match sysinfo's nproc (%u)",
           in_use, si.nproc);
    unsigned int t0 = s >= 0 ? (unsigned int)ps.ticks[s] : 0;
    spin_ticks(5);
    CHECK(getpinfo(&ps) == 0);
    EXPECT(s >= 0 && (unsigned int)ps.ticks[s] >= t0 + 3, "getpinfo's ticks to count our CPU ticks");
    /* inherited by fork */
    int fds[2];
    pipe(fds);
    int pid = fork();
    if (pid == 0) {
        int v[2] = { getpriority(getpid()), 0 };
        getpinfo(&ps);
        int c = slot_of(getpid());
        v[1] = c >= 0 ? ps.tickets[c] : -1;
        write(fds[1], v, sizeof v);
        exit(0);
    }
    int v[2] = { -1, -1 };
    CHECK(read(fds[0], v, sizeof v) == (int)sizeof v);
    EXPECT(v[0] == 20 && v[1] == 7, "a child to inherit priority 20 and 7 tickets, got %d and %d",
           v[0], v[1]);
    wait_for(pid);
    CHECK(getpriority(pid) == -1);          /* gone */
    CHECK(setpriority(me, 16) == 0 && settickets(1) == 0);
    DONE();
}
