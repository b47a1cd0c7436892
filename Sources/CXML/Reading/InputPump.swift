internal import CLibXML2

/// Hands libxml2 the bytes of a ``CXMLByteSource``, through an ``InputScanner``.
///
/// The prolog is read and checked before libxml2 is created (``readProlog()``); after that,
/// libxml2 pulls through ``read(into:)``, which reads straight into libxml2's buffer and
/// scans the bytes before returning their count. When the source or the scanner fails, the
/// pump keeps the error and answers `-1`, so libxml2 stops without having seen the bytes.
final class InputPump {
    private var source: any CXMLByteSource
    /// The scanner, behind a pointer that the reader's callbacks share (see ``ParseState``).
    let scannerPointer: UnsafeMutablePointer<InputScanner>
    var scanner: InputScanner {
        unsafeAddress { UnsafePointer(self.scannerPointer) }
        unsafeMutableAddress { self.scannerPointer }
    }
    /// Bytes read while checking the prolog, not yet handed to libxml2.
    private var prolog: [UInt8] = []
    private var prologOffset = 0
    /// Whether the source has said it has no more bytes.
    private(set) var isExhausted = false
    /// Why the pump stopped answering, if it did.
    private(set) var failure: CXMLError?
    /// The reader, for the structured error handler the pump installs (see ``read(into:)``).
    var errorContext: UnsafeMutableRawPointer?
    /// The thread's previous handler, while the pump's is installed.
    private var errorScope: porter_xml_error_scope?

    init(source: any CXMLByteSource, scanner: InputScanner) {
        self.source = source
        self.scannerPointer = .allocate(capacity: 1)
        self.scannerPointer.initialize(to: scanner)
    }

    deinit {
        self.scannerPointer.deinitialize(count: 1)
        self.scannerPointer.deallocate()
    }

    /// Reads and scans the input up to the start of the root element (or its end).
    ///
    /// - Throws: ``CXMLError`` from the source or the scanner: an internal subset, an entity
    ///   declaration, a mislabelled encoding, a prolog over its limit.
    func readProlog() throws(CXMLError) {
        let limit = self.scanner.limits.maximumDocumentSize
        if let size = self.source.byteCount, size > limit {
            throw CXMLError(
                .tooLarge, "the document has \(size) bytes, more than the limit of \(limit)",
                location: CXMLLocation(line: 1, column: 1, path: ""))
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
        defer { chunk.deallocate() }
        while !self.scanner.isPastProlog && !self.isExhausted {
            let count = try self.source.read(into: chunk)
            if count == 0 {
                self.isExhausted = true
                try self.scanner.finish()
            } else {
                let bytes = UnsafeRawBufferPointer(rebasing: chunk[..<count])
                self.prolog.append(contentsOf: bytes)
                try self.scanner.feed(bytes)
            }
        }
    }

    /// Fills `buffer` for libxml2 (its `xmlInputReadCallback`).
    ///
    /// - Returns: The number of bytes written, `0` at the end of the input, `-1` after a failure.
    ///
    /// libxml2 converts what the pump returns (from the declared encoding to UTF-8) as soon as
    /// it returns, and reports conversion errors without a parser context, to the thread's
    /// structured error handler or else to standard error. So the first read of each call of
    /// ``CXMLReader/next()`` installs the reader's handler for the thread, and the reader puts
    /// the previous one back (``endErrorScope()``) before it returns: the thread-local libxml2
    /// state is touched once per chunk rather than once per event.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int32 {
        if self.errorScope == nil, let context = self.errorContext {
            self.errorScope = porter_xml_begin_error_scope(context, readerErrorCallback)
        }
        guard self.failure == nil else { return -1 }
        let wanted = min(buffer.count, Int(Int32.max))
        if self.prologOffset < self.prolog.count {
            let count = min(wanted, self.prolog.count - self.prologOffset)
            self.prolog.withUnsafeBytes { bytes in
                buffer.copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: bytes[self.prologOffset..<(self.prologOffset + count)]))
            }
            self.prologOffset += count
            if self.prologOffset == self.prolog.count {
                self.prolog = []
                self.prologOffset = 0
            }
            return Int32(count)
        }
        guard !self.isExhausted else { return 0 }
        do throws(CXMLError) {
            let target = UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted])
            let count = try self.source.read(into: target)
            if count == 0 {
                self.isExhausted = true
                try self.scanner.finish()
                return 0
            }
            try self.scanner.feed(UnsafeRawBufferPointer(rebasing: target[..<count]))
            return Int32(count)
        } catch {
            self.failure = error
            return -1
        }
    }

    /// Puts back the thread's error handler, if ``read(into:)`` replaced it.
    func endErrorScope() {
        guard let scope = self.errorScope else { return }
        self.errorScope = nil
        porter_xml_end_error_scope(scope)
    }
}
