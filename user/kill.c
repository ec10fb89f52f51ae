/* kill [-N|-NAME] PID|-PGID...: sends a signal (TERM unless named) to each process or group.
 * The signal is a number or a name (-9, -KILL, -SIGKILL); -PGID names a
 * process group; fails if any send fails. */
#include "user.h"

int main(int argc, char **argv)
{
    return kill_command(argc, argv, 0);
}
