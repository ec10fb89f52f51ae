/* kill PID...: ends each named process (the kill() system call); fails if
 * any call fails. */
#include "user.h"

int main(int argc, char **argv)
{
    return pid_command(argc, argv, kill);
}
