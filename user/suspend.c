/* suspend PID...: stops each named process until `resume PID` (the
 * suspend() system call); fails if any call fails. */
#include "user.h"

int main(int argc, char **argv)
{
    return pid_command(argc, argv, suspend);
}
