/*
 * The starting point: a first draft that works, slowly and wrongly. An
 * exiting process hands its children to its own parent (not to init),
 * tells no one it exited, and wait and waitpid poll: they look at the
 * children once a tick. Rewrite the four (docs/labs/wait.md): orphans go
 * to init, exit wakes whoever waits for it, and a waiting process
 * blocks on its child_exit queue until there is news.
 */
static void reparent_children(struct proc *p)
{
    list_for_each_safe(n, tmp, &p->children) {
        struct proc *c = list_entry(n, struct proc, sibling);
        list_unlink(n);
        c->parent = p->parent;
        list_push_back(&p->parent->children, n);
    }
}

static void exit_notify(struct proc *p, int status)
{
    reparent_children(p);
    p->exit_status = status;
}

int proc_wait(int *status_out)
{
    struct proc *p = current_proc();
    spin_lock(&sched_lock);
    for (;;) {
        if (list_empty(&p->children)) {
            spin_unlock(&sched_lock);
            return -1;
        }
        struct proc *z = find_zombie_child(p);
        if (z) {
            int pid = z->pid;
            *status_out = z->exit_status;
            reap(z);
            spin_unlock(&sched_lock);
            return pid;
        }
        spin_unlock(&sched_lock);
        if (sleep_ticks(1) < 0)
            return -1;
        spin_lock(&sched_lock);
    }
}

int proc_waitpid(int pid, int *status_out, int options)
{
    struct proc *p = current_proc();
    for (;;) {
        spin_lock(&sched_lock);
        int r = find_news(p, pid, options, status_out);
        spin_unlock(&sched_lock);
        if (r != 0 || (options & WNOHANG))
            return r;
        if (sleep_ticks(1) < 0)
            return -1;
    }
}
