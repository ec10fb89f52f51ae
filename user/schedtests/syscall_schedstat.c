/* The syscall lab: schedstat(pid, &st) returns pid's scheduling
 * statistics: response time (first run - creation) and turnaround (exit -
 * creation, once it is a zombie), in ticks, along with what getprocs
 * knows; -1 for a bad pid or pointer. (docs/labs/syscall.md) */
#include "stest.h"

/* Until schedstat is in kernel/abi/syscalls.h, this weak stand-in keeps
 * the test building; once the row is there, the real stub in usys.S
 * (a strong symbol) replaces it. */
__attribute__((weak)) int schedstat(int pid, struct schedstat *st)
{
    (void)pid;
    (void)st;
    return -2;
}

int main(void)
{
    struct schedstat st;
    int me = getpid();
    int r = schedstat(me, &st);
    if (r == -2) {
        printf("  expected: a system call schedstat (its row in kernel/abi/syscalls.h, "
               "sys_schedstat in the kernel); there is none\n");
        return 1;
    }
    EXPECT(r == 0, "schedstat(getpid(), &st) == 0, got %d", r);
    struct procinfo pi = { 0 };
    CHECK(proc_info(me, &pi) == 0);
    EXPECT(r == 0 && st.pid == me && st.start_tick == pi.start_tick,
           "st.pid %d and st.start_tick %u (getprocs says %u)", me, pi.start_tick, st.start_tick);
    EXPECT(r == 0 && st.response >= 0 && st.turnaround == -1,
           "a running process: response >= 0, turnaround -1; got %d and %d", st.response, st.turnaround);
    EXPECT(r == 0 && st.prio == getpriority(me) && st.tickets >= 1, "prio and tickets as set");
    CHECK(schedstat(99999, &st) == -1);
    CHECK(schedstat(-1, &st) == -1);
    CHECK(schedstat(me, 0) == -1);
    CHECK(schedstat(me, (struct schedstat *)0xC0000000) == -1);

    /* Three CPU-bound children forked at once: under round-robin the
     * third waits for the first two's quanta before its first run. */
    int pids[3];
    for (int i = 0; i < 3; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            spin_ticks(15);
            exit(0);
        }
    }
    /* Wait until all three are zombies, then read their turnaround. */
    for (int t = 0; t < 200; t++) {
        int zombies = 0;
        for (int i = 0; i < 3; i++)
            zombies += proc_info(pids[i], &pi) == 0 && pi.state == PROC_ZOMBIE;
        if (zombies == 3)
            break;
        sleep(1);
    }
    for (int i = 0; i < 3; i++) {
        r = schedstat(pids[i], &st);
        printf("  child %d: response %d, turnaround %d, ran %u ticks, ready %u ticks\n", i,
               st.response, st.turnaround, st.ticks, st.ready_ticks);
        EXPECT(r == 0 && st.state == PROC_ZOMBIE, "schedstat to work on a zombie child");
        EXPECT(st.turnaround >= 15 && st.turnaround <= 80,
               "a turnaround of 15 to 80 ticks for a child that spun 15, got %d", st.turnaround);
        EXPECT(st.response >= 0 && st.response <= st.turnaround,
               "0 <= response <= turnaround, got %d and %d", st.response, st.turnaround);
    }
    r = schedstat(pids[2], &st);
    EXPECT(r == 0 && st.response >= 3, "the third child to wait for its first run (response %d)",
           st.response);
    for (int i = 0; i < 3; i++)
        wait_for(pids[i]);
    CHECK(schedstat(pids[0], &st) == -1);   /* reaped */
    DONE();
}
