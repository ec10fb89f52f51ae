/*
 * The kernel command line: "key=value" words from the Multiboot cmdline
 * (QEMU -append, or our loader's config). The first word is the kernel's
 * path and is skipped unless it contains '='. A word without '=' is a key
 * with an empty value (a flag). Values may be double-quoted to hold spaces.
 *
 * Each subsystem declares the keys it reads with BOOT_PARAM(key, help);
 * cmdline_report_unknown() names any other key on the console.
 */
#ifndef CORE_CMDLINE_H
#define CORE_CMDLINE_H

#include <stdbool.h>

#define CMDLINE_MAX_OPTS 32
#define CMDLINE_MAX_LEN  1024

struct cmdline_opt {
    const char *key;
    const char *value;          /* "" for a flag */
};

struct cmdline {
    struct cmdline_opt opts[CMDLINE_MAX_OPTS];
    int nopts;
    bool truncated;             /* too many words or too long: rest dropped */
    char buf[CMDLINE_MAX_LEN];  /* the keys and values point in here */
};

/* Pure parser (unit-tested on the host). */
void cmdline_parse(struct cmdline *cl, const char *line);
const char *cmdline_lookup(const struct cmdline *cl, const char *key);
/* A decimal int in range; false (and *out untouched) otherwise. */
bool cmdline_parse_int(const char *v, int *out);

/* The kernel's own command line. */
void cmdline_init(const char *line);
const char *cmdline_get(const char *key);          /* NULL when absent */
bool cmdline_has(const char *key);
int cmdline_get_int(const char *key, int fallback);   /* fallback if absent or bad */
bool cmdline_truncated(void);   /* some of the line was dropped (too long, too many words) */
void cmdline_report_unknown(void);
const char *cmdline_raw(void);

struct boot_param {
    const char *key;
    const char *help;
};

#define BOOT_PARAM(key, help)                                               \
    static const struct boot_param boot_param_##key                         \
        __attribute__((used, section(".bootparams"), aligned(4))) = { #key, help }

#endif
