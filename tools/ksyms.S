/* The kernel's symbol table blob (see tools/mksyms.py for its format).
 * Link pass 1 gets an empty table: a count of zero. */
.section .ksyms, "a"
#ifdef KSYMS_FILE
.incbin KSYMS_FILE
#else
.long 0
#endif
