/*
 * The starting point: no frame is ever built, so a signal the program
 * catches kills it instead (as if its stack had no room), and sigreturn
 * finds no frame. Write both (docs/labs/signals.md): arch_signal_push
 * builds struct sigframe and the FPU image below tf->esp and points the
 * trapframe at the handler; arch_signal_pop reads them back, trusting
 * nothing, and restores the interrupted registers exactly.
 */
int arch_signal_push(struct trapframe *tf, int sig, uint32_t handler, uint32_t trampoline,
                     uint32_t mask)
{
    (void)tf;
    (void)sig;
    (void)handler;
    (void)trampoline;
    (void)mask;
    return -1;
}

int arch_signal_pop(struct trapframe *tf, uint32_t *mask)
{
    (void)tf;
    (void)mask;
    return -1;
}
