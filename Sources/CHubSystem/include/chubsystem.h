#ifndef SESSIONS_HUB_CHUBSYSTEM_H
#define SESSIONS_HUB_CHUBSYSTEM_H

/// rename(2) that never replaces an existing target (renameat2 with RENAME_NOREPLACE, which glibc
/// declares only under _GNU_SOURCE, so Swift cannot see it directly). Returns 0, or -1 with errno.
int hub_rename_noreplace(const char *from, const char *to);

/// Swaps two paths in one step (renameat2 with RENAME_EXCHANGE): the lost-update check of a locked
/// edit looks at what it swapped out. -1 with errno EINVAL or ENOSYS where unsupported.
int hub_rename_exchange(const char *a, const char *b);

/// The filesystem type (statfs f_type) of the filesystem holding `path`, or -1 when unknown.
/// Used to notice network and WSL drvfs folders, whose changes inotify does not report.
long hub_filesystem_type(const char *path);

/// 1 when `needle` occurs in `haystack` (memmem, which glibc declares only under _GNU_SOURCE).
int hub_contains_bytes(const void *haystack, unsigned long haystack_length, const void *needle, unsigned long needle_length);

/// Bytes waiting in a terminal's input queue (complete lines only in canonical mode), or -1.
/// Opens the tty without making it the controlling terminal and closes it again; reads nothing.
long hub_tty_pending_input(const char *tty_path);

/// A file descriptor that becomes readable when process `pid` ends (pidfd_open(2), Linux 5.3+),
/// close-on-exec; -1 with errno where unsupported (ENOSYS, or a sandbox that refuses it).
int hub_pidfd_open(int pid);

#endif
