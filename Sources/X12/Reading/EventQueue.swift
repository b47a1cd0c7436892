/// Events waiting to be handed out, in order: a segment can produce several (findings, a
/// header, the segment itself), and `next()` returns one at a time.
///
/// The storage is reused: draining it keeps its capacity, so steady reading allocates
/// nothing here.
struct EventQueue {
    private var events: [X12Reader.Event] = []
    private var index = 0

    var isEmpty: Bool { self.index >= self.events.count }

    mutating func append(_ event: X12Reader.Event) { self.events.append(event) }

    /// The next waiting event, or `nil` (and the storage is reset for reuse).
    @inline(__always)
    mutating func next() -> X12Reader.Event? {
        if self.index < self.events.count {
            let event = self.events[self.index]
            self.index += 1
            return event
        }
        if !self.events.isEmpty {
            self.events.removeAll(keepingCapacity: true)
            self.index = 0
        }
        return nil
    }
}
