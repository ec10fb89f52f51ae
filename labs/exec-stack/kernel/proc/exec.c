/*
 * The starting point: a stack that runs, but not the one the handout
 * asks for. The argv array sits at the very top with the strings below
 * it, and nothing is aligned. Replace all of this (docs/labs/exec-stack.md).
 */
static int build_stack(struct addrspace *as, const struct args *a, uint32_t *esp)
{
    uint32_t uargv[MAXARG + 1];
    uint32_t argv_bytes = (uint32_t)(a->argc + 1) * 4;
    uint32_t argv_at = USER_TOP - argv_bytes;
    uint32_t strings_at = argv_at - a->len;
    for (int i = 0; i < a->argc; i++)
        uargv[i] = strings_at + a->start[i];
    uargv[a->argc] = 0;
    uint32_t sp = USER_TOP;
    if (push(as, &sp, uargv, argv_bytes) < 0 || push(as, &sp, a->strings, a->len) < 0)
        return -1;
    uint32_t frame[3] = { 0, (uint32_t)a->argc, argv_at };
    if (push(as, &sp, frame, sizeof frame) < 0)
        return -1;
    *esp = sp;
    return 0;
}
