/* fork gives the child a distinct pid, returns 0 in the child, and gives
 * the child a copy of memory: writes on either side stay on that side. */
#include "utest.h"

static int shared = 100;

int main(void)
{
    int parent = getpid();
    int fds[2];
    CHECK(pipe(fds) == 0);
    int pid = fork();
    if (pid == 0) {
        shared = 200;           /* only the child's copy changes */
        int me = getpid();
        write(fds[1], &me, sizeof me);
        exit(getppid() == parent && me != parent ? 7 : 1);
    }
    CHECK(pid > 0 && pid != parent);
    int status = -5, child_pid = 0;
    CHECK_EQ(read(fds[0], &child_pid, sizeof child_pid), sizeof child_pid);
    CHECK_EQ(child_pid, pid);
    CHECK_EQ(wait(&status), pid);
    CHECK_EQ(status, 7);
    CHECK_EQ(shared, 100);
    DONE();
}
