@preconcurrency import Glibc

/// The inotify descriptor and its watches: the only code that talks to inotify (C at the edge).
///
/// Not `Sendable`: ``InboxWatcher`` keeps it inside its `Mutex`. The descriptor is non-blocking and closed in
/// `deinit`.
final class Inotify {
    /// What an event says, from its mask.
    struct Event {
        var watch: Int32
        var name: String
        var isDirectory: Bool
        var closedAfterWrite: Bool
        var movedIn: Bool
        var created: Bool
        /// The watched folder itself was moved or deleted, or its watch removed.
        var watchGone: Bool
        var overflow: Bool
    }

    let descriptor: Int32

    init() throws(IntakeError) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            let code = errno
            throw IntakeError(
                .watch, "inotify is not available (\(String(cString: strerror(code)))); use --poll", errorNumber: code)
        }
        self.descriptor = descriptor
    }

    deinit { close(self.descriptor) }

    /// Watches `folder` (not following a link) for files closed after writing, files and folders moved or created
    /// in it, and itself moving away. Returns the watch descriptor.
    func watch(_ folder: String) throws(IntakeError) -> Int32 {
        let mask =
            UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_CREATE) | UInt32(IN_MOVE_SELF)
            | UInt32(IN_DELETE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
        let watch = inotify_add_watch(self.descriptor, folder, mask)
        guard watch >= 0 else {
            let code = errno
            let advice = code == ENOSPC ? " (raise fs.inotify.max_user_watches, or use --poll)" : ""
            throw IntakeError(
                code == ENOENT ? .notFound : .watch,
                "cannot watch the folder: \(String(cString: strerror(code)))\(advice)", path: folder, errorNumber: code)
        }
        return watch
    }

    func unwatch(_ watch: Int32) { inotify_rm_watch(self.descriptor, watch) }

    /// The events waiting now (none when there are none: the descriptor does not block).
    func read() throws(IntakeError) -> [Event] {
        var events: [Event] = []
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = Glibc.read(self.descriptor, buffer.baseAddress, capacity)
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK { return events }
                throw IntakeError(
                    .watch, "cannot read inotify events: \(String(cString: strerror(code)))", errorNumber: code)
            }
            if count == 0 { return events }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let watch = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(rebasing: buffer[(offset + header)..<(offset + header + length)])
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                func has(_ flag: Int32) -> Bool { mask & UInt32(flag) != 0 }
                events.append(
                    Event(
                        watch: watch, name: name, isDirectory: has(Int32(IN_ISDIR)),
                        closedAfterWrite: has(Int32(IN_CLOSE_WRITE)),
                        movedIn: has(Int32(IN_MOVED_TO)), created: has(Int32(IN_CREATE)),
                        watchGone: has(Int32(IN_MOVE_SELF)) || has(Int32(IN_DELETE_SELF)) || has(Int32(IN_IGNORED)),
                        overflow: has(Int32(IN_Q_OVERFLOW))))
                offset += header + length
            }
        }
    }
}
