/* mlfq: an I/O-bound job (runs briefly, sleeps a tick, again and again)
 * stays at the top level while two CPU-bound jobs sink to the bottom, and
 * it is not kept waiting behind them: a wakeup above the running job
 * preempts it, so it wakes on time (at most a tick late) but for the few
 * ticks after each boost, when the CPU jobs share the top with it. */
#include "stest.h"

#define TOP 2
#define WINDOW 300

/* Exits with (sleeps more than a tick late) * 100 + the worst lateness. */
static int io_job(void)
{
    int end = uptime() + WINDOW, worst = 0, late_sleeps = 0;
    while (uptime() < end) {
        for (int i = 0; i < 2000; i++)
            stest_sink++;
        int t0 = uptime();
        sleep(1);
        int late = uptime() - t0 - 1;
        if (late > worst)
            worst = late;
        late_sleeps += late > 1;
    }
    return late_sleeps * 100 + worst;
}

int main(void)
{
    int cpu[2] = { spawn_spinner(-1, 0, 0), spawn_spinner(-1, 0, 0) };
    int io = fork();
    if (io == 0)
        exit(io_job());
    int samples = 0, io_top = 0, cpu_bottom = 0;
    while (samples < WINDOW / 3 - 5) {
        sleep(3);
        struct procinfo a = { 0 }, b = { 0 }, c = { 0 };
        if (proc_info(io, &a) < 0 || proc_info(cpu[0], &b) < 0 || proc_info(cpu[1], &c) < 0)
            break;
        samples++;
        io_top += a.priority == TOP;
        cpu_bottom += (b.priority == 0) + (c.priority == 0);
    }
    int status = wait_for(io), worst = status % 100, late_sleeps = status / 100;
    kill_all(cpu, 2);
    printf("  %d samples: the I/O job at the top in %d; the CPU jobs at the bottom in %d of %d; "
           "the I/O job woke at worst %d ticks late, %d times more than 1\n", samples, io_top,
           cpu_bottom, 2 * samples, worst, late_sleeps);
    EXPECT(samples > 0 && io_top == samples, "the I/O job always at level 2 (%d of %d samples)",
           io_top, samples);
    EXPECT(cpu_bottom * 10 >= 2 * samples * 6,
           "the CPU jobs at level 0 most of the time (%d of %d samples)", cpu_bottom, 2 * samples);
    EXPECT(late_sleeps <= WINDOW / 20, "the I/O job to wake on time but after boosts "
           "(%d of its ~%d sleeps more than a tick late)", late_sleeps, WINDOW);
    EXPECT(worst <= 4, "the I/O job never to wait long behind the CPU jobs (worst %d ticks late)",
           worst);
    DONE();
}
