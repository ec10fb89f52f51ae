/* true for xv6-public: exits at once (bench's fork_exec_exit_wait runs it,
 * as user/bench.c runs Orchard's /bin/true). Copied in by bench-xv6.sh. */
#include "types.h"
#include "user.h"

int main(void)
{
    exit();
}
