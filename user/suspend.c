/* suspend PID...: calls suspend() on each pid; fails if any call fails. */
#include "user.h"

int main(int argc, char **argv)
{
    return pid_command(argc, argv, suspend);
}
