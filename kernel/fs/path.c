/* Path text; see path.h. */
#include "fs/path.h"

#include "lib/string.h"

int path_next(const char **path, char name[MAXNAME + 1])
{
    const char *s = *path;
    while (*s == '/')
        s++;
    const char *e = s;
    while (*e && *e != '/')
        e++;
    *path = e;
    if (e == s)
        return 0;
    if (e - s > MAXNAME)
        return -1;
    memcpy(name, s, (size_t)(e - s));
    name[e - s] = '\0';
    return 1;
}

/* Appends "/name" to the absolute path out (len bytes); -1 if too long. */
static int append(char *out, size_t *len, const char *name)
{
    size_t n = strlen(name);
    size_t slash = *len > 1;    /* "/" + "a" is "/a", not "//a" */
    if (*len + slash + n >= MAXPATH)
        return -1;
    if (slash)
        out[(*len)++] = '/';
    memcpy(out + *len, name, n + 1);
    *len += n;
    return 0;
}

/* Drops the last component of the absolute path out ("/" stays). */
static void drop_last(char *out, size_t *len)
{
    while (*len > 1 && out[*len - 1] != '/')
        (*len)--;
    if (*len > 1)
        (*len)--;
    out[*len] = '\0';
}

int path_absolute(const char *cwd, const char *path, char out[MAXPATH])
{
    size_t len = 1;
    memcpy(out, "/", 2);
    if (path[0] != '/') {
        len = strlen(cwd);
        if (len >= MAXPATH || cwd[0] != '/')
            return -1;
        memcpy(out, cwd, len + 1);
    }
    char name[MAXNAME + 1];
    int r;
    while ((r = path_next(&path, name)) > 0) {
        if (strcmp(name, "..") == 0)
            drop_last(out, &len);
        else if (strcmp(name, ".") != 0 && append(out, &len, name) < 0)
            return -1;
    }
    return r;
}
