#include <sys/vfs.h>
#include "chubsystem.h"

long hub_filesystem_type(const char *path) {
    struct statfs info;
    if (statfs(path, &info) != 0) return -1;
    return (long)(unsigned int)info.f_type;
}
