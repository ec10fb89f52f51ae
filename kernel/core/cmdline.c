/* Command-line parsing and lookup; see cmdline.h for the syntax. */
#include "core/cmdline.h"

#include <stdint.h>

#include "lib/string.h"

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * Copies one word from *lp into the buffer at *out (quotes removed),
 * NUL-terminated; sets *eq to where its key ends ('=' replaced by NUL),
 * or NULL for a flag. Returns false when the buffer is full.
 */
static bool copy_word(const char **lp, char **out, char *end, char **eq)
{
    const char *p = *lp;
    char *o = *out;
    bool quoted = false;
    *eq = 0;
    for (; *p && (quoted || !is_space(*p)); p++) {
        if (*p == '"') {
            quoted = !quoted;
            continue;
        }
        if (o + 1 >= end)
            return false;
        if (*p == '=' && !*eq && !quoted) {
            *eq = o;
            *o++ = '\0';
            continue;
        }
        *o++ = *p;
    }
    *o++ = '\0';
    *lp = p;
    *out = o;
    return true;
}

void cmdline_parse(struct cmdline *cl, const char *line)
{
    cl->nopts = 0;
    cl->truncated = false;
    char *out = cl->buf, *end = cl->buf + sizeof cl->buf;
    for (int word = 0; line && *line; word++) {
        while (is_space(*line))
            line++;
        if (!*line)
            break;
        char *start = out, *eq;
        if (!copy_word(&line, &out, end, &eq)) {
            cl->truncated = true;
            return;
        }
        if (word == 0 && !eq) {             /* the kernel's path */
            out = start;
            continue;
        }
        if (cl->nopts == CMDLINE_MAX_OPTS) {
            cl->truncated = true;
            return;
        }
        cl->opts[cl->nopts++] = (struct cmdline_opt){ start, eq ? eq + 1 : out - 1 };
    }
}

/*
 * A decimal int, optionally negative, with nothing else around it. A value
 * outside int's range is refused rather than wrapped: schedseed=4294967296
 * must not quietly become 0.
 */
bool cmdline_parse_int(const char *v, int *out)
{
    if (!v || !*v)
        return false;
    bool negative = *v == '-';
    if (negative && !*++v)
        return false;
    uint32_t limit = negative ? (uint32_t)INT32_MAX + 1 : (uint32_t)INT32_MAX;
    uint32_t n = 0;
    for (; *v; v++) {
        if (*v < '0' || *v > '9')
            return false;
        uint32_t digit = (uint32_t)(*v - '0');
        if (n > (limit - digit) / 10)
            return false;
        n = n * 10 + digit;
    }
    /* -2147483648 has no positive int: negate in unsigned arithmetic. */
    *out = negative ? (int)(0u - n) : (int)n;
    return true;
}

/* The last occurrence wins, so appended options override earlier ones. */
const char *cmdline_lookup(const struct cmdline *cl, const char *key)
{
    for (int i = cl->nopts - 1; i >= 0; i--)
        if (strcmp(cl->opts[i].key, key) == 0)
            return cl->opts[i].value;
    return 0;
}

#ifndef HOST_TEST
#include "core/kprintf.h"

static struct cmdline kernel_cmdline;
static char raw[CMDLINE_MAX_LEN];
static size_t raw_len;                  /* the length given (bootinfo keeps one byte more) */
extern const struct boot_param __bootparams_start[], __bootparams_end[];

void cmdline_init(const char *line)
{
    raw_len = strlcpy(raw, line ? line : "", sizeof raw);
    cmdline_parse(&kernel_cmdline, raw);
    if (raw_len >= sizeof raw)
        kernel_cmdline.truncated = true;
}

const char *cmdline_raw(void)
{
    return raw;
}

const char *cmdline_get(const char *key)
{
    return cmdline_lookup(&kernel_cmdline, key);
}

bool cmdline_has(const char *key)
{
    return cmdline_get(key) != 0;
}

int cmdline_get_int(const char *key, int fallback)
{
    int n;
    return cmdline_parse_int(cmdline_get(key), &n) ? n : fallback;
}

bool cmdline_truncated(void)
{
    return kernel_cmdline.truncated;
}

static bool known(const char *key)
{
    for (const struct boot_param *p = __bootparams_start; p < __bootparams_end; p++)
        if (strcmp(p->key, key) == 0)
            return true;
    return false;
}

void cmdline_report_unknown(void)
{
    if (raw_len >= sizeof raw)
        kprintf("cmdline: too long (over %u bytes): the rest was dropped\n",
                (unsigned)sizeof raw - 1);
    else if (kernel_cmdline.truncated)
        kprintf("cmdline: too long; words after the %dth were ignored\n", kernel_cmdline.nopts);
    for (int i = 0; i < kernel_cmdline.nopts; i++) {
        const char *key = kernel_cmdline.opts[i].key;
        if (known(key))
            continue;
        kprintf("cmdline: unknown option '%s' ignored; known options:", key);
        for (const struct boot_param *p = __bootparams_start; p < __bootparams_end; p++)
            kprintf(" %s", p->key);
        kprintf("\n");
    }
}
#endif
