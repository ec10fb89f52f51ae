/*
 * The starting point: no process can be stopped. suspend(), SIGSTOP and
 * SIGTSTP's default action fail (-1) and resume() finds nothing stopped;
 * everything else about signals works. Write the SUSPENDED state's two
 * moves (docs/labs/suspend.md): proc_stop_locked, which stops p whatever
 * state it is in, and proc_continue_locked, which lets it go on.
 */
bool proc_stop_locked(struct proc *p, int sig)
{
    (void)p;
    (void)sig;
    return false;
}

bool proc_continue_locked(struct proc *p)
{
    (void)p;
    return false;
}
