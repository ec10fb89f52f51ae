// Host tests of kernel/fs/path.c: path components and absolute paths.
// sources: kernel/fs/path.c
#include <string.h>

#include "fs/path.h"
#include "unit.h"

static char out[MAXPATH];

static const char *absolute(const char *cwd, const char *path)
{
    return path_absolute(cwd, path, out) == 0 ? out : "(error)";
}

int main(void)
{
    UNIT_BEGIN("path: components, repeated slashes, the end");
    const char *p = "//a///bc/";
    char name[MAXNAME + 1];
    CHECK(path_next(&p, name) == 1);
    CHECK_STR(name, "a");
    CHECK(path_next(&p, name) == 1);
    CHECK_STR(name, "bc");
    CHECK(path_next(&p, name) == 0);
    p = "";
    CHECK(path_next(&p, name) == 0);
    UNIT_END();

    UNIT_BEGIN("path: a name of MAXNAME fits, MAXNAME + 1 does not");
    char longname[MAXNAME + 3];
    memset(longname, 'x', MAXNAME);
    longname[MAXNAME] = '\0';
    p = longname;
    CHECK(path_next(&p, name) == 1);
    CHECK(strlen(name) == MAXNAME);
    longname[MAXNAME] = 'y';
    longname[MAXNAME + 1] = '\0';
    p = longname;
    CHECK(path_next(&p, name) == -1);
    UNIT_END();

    UNIT_BEGIN("path: absolute paths apply . and .. to the working directory");
    CHECK_STR(absolute("/", "a/b"), "/a/b");
    CHECK_STR(absolute("/tmp", "d/./e"), "/tmp/d/e");
    CHECK_STR(absolute("/tmp/d", ".."), "/tmp");
    CHECK_STR(absolute("/tmp/d", "../.."), "/");
    CHECK_STR(absolute("/tmp", "../../../x"), "/x");
    CHECK_STR(absolute("/tmp", "/etc//motd/"), "/etc/motd");
    CHECK_STR(absolute("/tmp", "."), "/tmp");
    CHECK_STR(absolute("/a", "/"), "/");
    UNIT_END();

    UNIT_BEGIN("path: too long a result or name fails");
    char cwd[MAXPATH];
    memset(cwd, 'c', MAXPATH - 2);
    cwd[0] = '/';
    cwd[MAXPATH - 2] = '\0';
    CHECK_STR(absolute(cwd, "a"), "(error)");       /* MAXPATH + 1 bytes with the NUL */
    CHECK_STR(absolute(cwd, ".."), "/");
    CHECK_STR(absolute("/", longname), "(error)");
    CHECK_STR(absolute("relative", "a"), "(error)");
    UNIT_END();
    UNIT_EXIT();
}
