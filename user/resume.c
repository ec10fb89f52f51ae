/* resume PID...: lets each suspended process run again (the resume()
 * system call); fails if any call fails. */
#include "user.h"

int main(int argc, char **argv)
{
    return pid_command(argc, argv, resume);
}
