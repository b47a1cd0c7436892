// What Swift cannot call directly: `sync_file_range` and `syncfs` are declared only with _GNU_SOURCE, which the
// Glibc module that Swift imports does not define; `fstatfs`'s header is not in that module.
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/vfs.h>
#endif
#include "CFileSync.h"

int porter_start_writeback(int descriptor) {
#if defined(__linux__)
    return sync_file_range(descriptor, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)descriptor;
    return 0;
#endif
}

int porter_sync_file_system(int descriptor) {
#if defined(__linux__)
    return syncfs(descriptor);
#else
    (void)descriptor;
    errno = ENOSYS;
    return -1;
#endif
}

int porter_file_system_syncs_whole(int descriptor) {
#if defined(__linux__)
    struct statfs info;
    if (fstatfs(descriptor, &info) != 0) return 0;
    switch ((unsigned long)info.f_type) {
    case 0xEF53UL:      // ext2, ext3, ext4
    case 0x58465342UL:  // XFS
    case 0x9123683EUL:  // Btrfs
    case 0xF2F52010UL:  // F2FS
        return 1;
    default:
        return 0;
    }
#else
    (void)descriptor;
    return 0;
#endif
}
