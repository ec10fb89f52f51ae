/* kill [-N|-NAME] PID|-PGID...: sends a signal (SIGTERM unless named, as
 * a number or a name such as -KILL or -SIGINT) to each process, or to
 * each process group given as -PGID; fails if any send fails. */
#include "user.h"

int main(int argc, char **argv)
{
    return kill_command(argc, argv, 0);
}
