#include "chubsystem.h"
#include <sys/syscall.h>
#include <unistd.h>
#include <errno.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

int hub_pidfd_open(int pid) {
    /* pidfds are close-on-exec by definition. */
    return (int)syscall(SYS_pidfd_open, pid, 0);
}
