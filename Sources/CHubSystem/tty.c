#include "chubsystem.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

long hub_tty_pending_input(const char *tty_path) {
    int fd = open(tty_path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return -1;
    int pending = 0;
    int result = ioctl(fd, FIONREAD, &pending);
    close(fd);
    return result < 0 ? -1 : pending;
}
