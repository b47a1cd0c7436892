// What Swift cannot call directly: `sync_file_range` is declared only with _GNU_SOURCE, which the Glibc module
// that Swift imports does not define.
#define _GNU_SOURCE
#include <fcntl.h>
#include "CFileSync.h"

int porter_start_writeback(int descriptor) {
#if defined(__linux__)
    return sync_file_range(descriptor, 0, 0, SYNC_FILE_RANGE_WRITE);
#else
    (void)descriptor;
    return 0;
#endif
}
