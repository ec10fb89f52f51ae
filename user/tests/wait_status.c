/* wait collects every exit status (0, 1, 57, 255, -1) from its children,
 * and returns -1 once there are none left. */
#include "utest.h"

int main(void)
{
    int codes[] = { 0, 1, 57, 255, -1 };
    int pids[5];
    for (int i = 0; i < 5; i++) {
        pids[i] = fork();
        if (pids[i] == 0)
            exit(codes[i]);
    }
    int seen = 0;
    for (int n = 0; n < 5; n++) {
        int status;
        int pid = wait(&status);
        for (int i = 0; i < 5; i++) {
            if (pids[i] == pid) {
                CHECK_EQ(status, codes[i]);
                seen |= 1 << i;
            }
        }
    }
    CHECK_EQ(seen, 31);
    CHECK_EQ(wait(0), -1);
    DONE();
}
