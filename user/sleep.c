/* sleep TICKS: blocks for that many timer ticks (100 per second). */
#include "user.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(2, "usage: sleep TICKS\n");
        return 2;
    }
    return sleep(atoi(argv[1])) < 0;
}
