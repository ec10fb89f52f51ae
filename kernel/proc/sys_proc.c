/* The process system calls: thin wrappers that check arguments and copy
 * user memory, around the process API in proc.c. */
#include "abi/sysinfo.h"
#include "abi/wait.h"
#include "arch/arch.h"
#include "core/clock.h"
#include "core/panic.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/uaccess.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/schedtrace.h"
#include "proc/syscall.h"
#include "proc/waitq.h"

int sys_fork(void)
{
    return proc_fork();
}

int sys_exit(int status)
{
    proc_exit(status);
}

int sys_wait(uaddr_t ustatus)
{
    /* Check the pointer before reaping: afterwards the status is gone. */
    if (ustatus && copyout_check(ustatus, sizeof(int)) < 0)
        return -1;
    int status;
    int pid = proc_wait(&status);
    if (pid > 0 && ustatus && copyout(ustatus, &status, sizeof status) < 0)
        return -1;
    return pid;
}

int sys_waitpid(int pid, uaddr_t ustatus, int options)
{
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
        return -1;
    if (ustatus && copyout_check(ustatus, sizeof(int)) < 0)
        return -1;
    int status = 0;
    int r = proc_waitpid(pid, &status, options);
    if (r > 0 && ustatus && copyout(ustatus, &status, sizeof status) < 0)
        return -1;
    return r;
}

int sys_getpid(void)
{
    return current_proc()->pid;
}

int sys_getppid(void)
{
    /* The parent may exit on another CPU meanwhile (and we move to init). */
    spin_lock(&sched_lock);
    struct proc *parent = current_proc()->parent;
    int pid = parent ? parent->pid : 0;
    spin_unlock(&sched_lock);
    return pid;
}

int sys_sleep(int ticks)
{
    if (ticks < 0)
        return -1;
    if (ticks == 0)
        return 0;
    return sleep_ticks((uint32_t)ticks);
}

int sys_uptime(void)
{
    return (int)clock_ticks();
}

int sys_sbrk(int n)
{
    return (int)vm_sbrk(current_proc()->as, n);
}

int sys_yield(void)
{
    sched_yield();
    return 0;
}

int sys_suspend(int pid)
{
    return proc_suspend(pid);
}

int sys_resume(int pid)
{
    return proc_resume(pid);
}

int sys_getprocs(uaddr_t ubuf, int max)
{
    if (max < 0)
        return -1;
    return proc_getprocs(ubuf, max);
}

int sys_sysinfo(uaddr_t uinfo)
{
    struct sysinfo si = {
        .freemem = frame_count_free() * FRAME_SIZE,
        .totalmem = frame_count_total() * FRAME_SIZE,
        .nproc = proc_count(),
        .uptime = clock_ticks(),
        .hz = HZ,
        .ncpu = (unsigned int)ncpu,
    };
    strlcpy(si.policy, sched_policy()->name, sizeof si.policy);
    struct cpu_load load[SYSINFO_NCPU];
    sched_cpu_load(load, SYSINFO_NCPU);
    for (int i = 0; i < ncpu && i < SYSINFO_NCPU; i++) {
        si.cpu_ticks[i] = load[i].ticks;
        si.cpu_busy[i] = load[i].busy;
        si.cpu_ready[i] = load[i].ready;
        si.cpu_running[i] = load[i].running;
    }
    return copyout(uinfo, &si, sizeof si);
}

int sys_poweroff(int status)
{
    if (current_proc()->pid != 1)
        return -1;              /* only init may stop the machine */
    sched_trace_dump();         /* schedtrace=dump */
    kernel_stop(status);
}

/* The console's Ctrl-C, Ctrl-\\ and Ctrl-Z go to process group pgid (0:
 * nowhere). */
int sys_setfg(int pgid)
{
    if (pgid < 0)
        return -1;
    proc_set_foreground(pgid);
    return 0;
}
