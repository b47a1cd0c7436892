internal import CLibXML2
import Synchronization

/// The process-wide external entity loader Porter gives libxml2: it refuses everything.
///
/// libxml2 calls its external entity loader for every DTD, external entity and XInclude it
/// would fetch. `XML_PARSE_NONET` alone only stops `http://` and `ftp://`; a `file://` or
/// relative system identifier would still be read. Porter's loader opens nothing and returns
/// nothing, for every URL, and records each attempt: the last ``recentDenials`` process-wide,
/// and, for the reader whose parser asked, in that reader, which then stops with
/// ``CXMLError/Code/externalEntity``.
///
/// ``install()`` runs once per process (``CXMLReader`` and ``CXMLWriter`` call it); it also
/// calls `xmlInitParser`, which libxml2 wants before it is used from several threads.
/// Process-wide state lives in a `Mutex`.
public enum CXMLEntityLoader {
    /// One refused attempt to load an external resource.
    public struct Denial: Hashable, Sendable {
        /// The URL (system identifier) libxml2 asked for, if any.
        public var url: String?
        /// The public identifier libxml2 asked for, if any.
        public var publicID: String?
    }

    private struct State {
        var recent: [Denial] = []
        /// Denials per registered reader, by the address of its parse state (its parser context's `_private`).
        var byOwner: [Int: [Denial]] = [:]
    }

    private static let state = Mutex(State())
    /// Read without the lock by every reader after every step, to see whether to look further.
    private static let count = Atomic(0)

    private static let installation: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { url, publicID, context in
            let denial = Denial(
                url: url.map { String(cString: $0) }, publicID: publicID.map { String(cString: $0) })
            // A reader keeps its parse state in its parser context's `_private`.
            let owner = context.map { Int(bitPattern: $0.pointee._private) }
            CXMLEntityLoader.record(denial, owner: owner)
            return nil
        }
    }()

    /// Installs the deny-all loader and initializes libxml2; later calls do nothing.
    public static func install() { _ = Self.installation }

    /// How many loads the loader has refused since the process started.
    public static var denialCount: Int { Self.count.load(ordering: .acquiring) }

    /// The last refused loads (at most 64), oldest first.
    public static var recentDenials: [Denial] { Self.state.withLock { $0.recent } }

    private static func record(_ denial: Denial, owner: Int?) {
        Self.state.withLock { state in
            state.recent.append(denial)
            if state.recent.count > 64 { state.recent.removeFirst() }
            if let owner, state.byOwner[owner] != nil { state.byOwner[owner]!.append(denial) }
        }
        Self.count.add(1, ordering: .releasing)
    }

    /// Starts recording the denials asked for by the parser whose context's `_private` is `reader`.
    static func register(_ reader: OpaquePointer) {
        Self.state.withLock { $0.byOwner[Int(bitPattern: reader)] = [] }
    }

    /// Stops recording for `reader`, before it is freed.
    static func unregister(_ reader: OpaquePointer) {
        _ = Self.state.withLock { $0.byOwner.removeValue(forKey: Int(bitPattern: reader)) }
    }

    /// The denials asked for by the parser of `reader` so far.
    static func denials(for reader: OpaquePointer) -> [Denial] {
        Self.state.withLock { $0.byOwner[Int(bitPattern: reader)] ?? [] }
    }
}
