#ifndef PORTER_CFILESYNC_H
#define PORTER_CFILESYNC_H

/// Starts writing a file's dirty pages to disk without waiting (Linux `sync_file_range` with
/// `SYNC_FILE_RANGE_WRITE`; a no-op returning 0 elsewhere). A hint only: durability still needs `fsync`. Issued for
/// every file of a batch before the first `fsync`, it lets one journal commit cover the whole batch. Returns 0, or -1
/// with `errno` set.
int porter_start_writeback(int descriptor);

#endif
