#ifndef PORTER_CFILESYNC_H
#define PORTER_CFILESYNC_H

/// Starts writing a file's dirty pages to disk without waiting (Linux `sync_file_range` with
/// `SYNC_FILE_RANGE_WRITE`; a no-op returning 0 elsewhere). A hint only: durability still needs `fsync`. Issued for
/// every file of a batch before the first `fsync`, it lets one journal commit cover the whole batch. Returns 0, or -1
/// with `errno` set.
int porter_start_writeback(int descriptor);

/// Flushes the whole file system holding the open file or folder `descriptor` (Linux `syncfs`): every dirty page and
/// inode, then one cache flush of the device. Since Linux 5.8 it reports a write-back error that happened since
/// `descriptor` was opened. Returns 0, or -1 with `errno` set (`ENOSYS` where there is no `syncfs`).
int porter_sync_file_system(int descriptor);

/// 1 when the file system holding `descriptor` is a local disk file system whose `syncfs` writes everything back
/// and reports write-back errors (ext2/3/4, XFS, Btrfs, F2FS); 0 otherwise (network, FUSE, overlay and unknown file
/// systems, where only `fsync` of each file is trusted), or when `fstatfs` fails.
int porter_file_system_syncs_whole(int descriptor);

#endif
