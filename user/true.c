/* true: exits with status 0 (the trivial program the benchmarks exec). */
int main(void)
{
    return 0;
}
