/* sleep TICKS: blocks for that many timer ticks (100 per second). */
#include "user.h"

int main(int argc, char **argv)
{
    int ticks;
    if (argc != 2 || parse_number(argv[1], &ticks) < 0) {
        fprintf(2, "usage: sleep TICKS (a whole number, 0 or more; 100 ticks a second)\n");
        return 2;
    }
    return sleep(ticks) < 0;
}
