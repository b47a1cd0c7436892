import ArgumentParser
import Orders
import Translation
import X12

/// `porter translate FILE... --to json|x12`: X12 to Porter's canonical JSON and back.
///
/// The input format is detected per file. Purchase orders (850), acknowledgments (855) and changes (860) are translated for now;
/// other documents are
/// skipped with a warning and do not fail the run.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract:
            "Translate X12 purchase orders (850), acknowledgments (855) and changes (860) to Porter JSON, and back.",
        discussion: """
            The format of each FILE (or - for standard input) is detected: X12 (ISA, in ASCII, UTF-8, UTF-16 or \
            EBCDIC) or Porter JSON (one document, an array, or JSON Lines). Only purchase orders are translated for \
            now; other transaction sets and documents are skipped with a warning on standard error. Without -o, \
            JSON Lines or X12 interchanges go to standard output. With -o, an existing folder or a path ending in / \
            gets one file per document (never overwriting); any other path gets one file with every document. \
            Exit 0 on success (warnings allowed), 1 when a document has errors (the others are still written), 2 \
            when a file cannot be read or written, 64 on a usage error.
            """)

    @Argument(help: "Files to translate; - reads standard input.")
    var files: [String]

    @Option(help: "The output format: json or x12.")
    var to: TranslateFormat

    @Option(help: "X12 version to write (004010 or 005010). Default: the document's envelope, else 004010.")
    var version: X12VersionChoice?

    @Option(help: "ISA sender (and GS02) as QUALIFIER:ID, e.g. ZZ:ACME. Default: the document's envelope.")
    var sender: X12Identity?

    @Option(help: "ISA receiver (and GS03) as QUALIFIER:ID. Default: the document's envelope.")
    var receiver: X12Identity?

    @Option(
        name: [.short, .customLong("output")],
        help: "Where to write: a file, or a folder (existing, or ending in /) for one file per document.")
    var output: String?

    @Option(help: "Character set of X12 input (ISO-8859-1, IBM037, UTF-16...). Default: detected.")
    var encoding: String?

    func validate() throws {
        if self.to == .json {
            if self.version != nil { throw ValidationError("--version is only used with --to x12.") }
            if self.sender != nil || self.receiver != nil {
                throw ValidationError("--sender and --receiver are only used with --to x12.")
            }
        }
    }

    func run() throws {
        let destination: TranslateOutput
        do {
            destination = try TranslateOutput(path: self.output, format: self.to)
        } catch {
            printError("porter translate: \(describe(error))")
            throw PorterExit.couldNotRun
        }
        var exits: [ExitCode] = []
        for file in self.files {
            let bytes: [UInt8]
            do {
                bytes = try Self.readAll(file)
            } catch {
                printError("porter translate: \(describe(error))")
                exits.append(PorterExit.couldNotRun)
                continue
            }
            var reading = TranslateReading(file: file)
            do {
                switch Self.detectFormat(bytes, encoding: self.encoding) {
                case .x12: try reading.readX12(bytes, encoding: self.encoding)
                case .json: reading.readJSON(bytes)
                case .unknown:
                    reading.fail("not X12 (no ISA at the start) and not Porter JSON")
                }
            } catch {
                printError("porter translate: \(file): \(describe(error))")
                let couldNotRun = error.code == .io || error.code == .unsupportedEncoding
                exits.append(couldNotRun ? PorterExit.couldNotRun : PorterExit.inputErrors)
            }
            if reading.failed { exits.append(PorterExit.inputErrors) }
            for document in reading.documents {
                do {
                    try self.write(document, file: file, to: destination)
                } catch let error as TranslateOutput.WriteError {
                    printError("porter translate: \(error.message)")
                    exits.append(PorterExit.couldNotRun)
                } catch {
                    printError("porter translate: \(file): \(Self.label(document)): \(describe(error))")
                    exits.append(PorterExit.inputErrors)
                }
            }
        }
        do {
            try destination.close()
        } catch {
            printError("porter translate: \(describe(error))")
            exits.append(PorterExit.couldNotRun)
        }
        let exit = PorterExit.worst(exits)
        if exit != PorterExit.success { throw exit }
    }

    /// Converts one document to the output format and hands it to `destination`.
    private func write(_ document: BusinessDocument, file: String, to destination: TranslateOutput) throws {
        let source = TranslateOutput.sourceName(file)
        switch self.to {
        case .json:
            var bytes = document.encodeCanonicalJSON()
            bytes.append(UInt8(ascii: "\n"))
            try destination.write(bytes, name: "\(source)-\(Self.number(document)).json")
        case .x12:
            let bytes: [UInt8]
            switch document {
            case .purchaseOrder(var order):
                try self.prepare(&order.envelope)
                bytes = try X12PurchaseOrderEncoder(version: self.version?.rawValue).encodeInterchange(order)
            case .orderAcknowledgment(var acknowledgment):
                try self.prepare(&acknowledgment.envelope)
                bytes = try X12OrderAcknowledgmentEncoder(version: self.version?.rawValue)
                    .encodeInterchange(acknowledgment)
            case .orderChange(var change):
                try self.prepare(&change.envelope)
                bytes = try X12OrderChangeEncoder(version: self.version?.rawValue).encodeInterchange(change)
            default:
                printError(
                    "porter translate: \(file): warning: \(Self.label(document)) cannot be written as X12 yet; skipped")
                return
            }
            try destination.write(bytes, name: "\(source)-\(Self.number(document)).x12")
        }
    }

    /// Applies the overrides and checks that the envelope names both parties.
    private func prepare(_ envelope: inout Envelope) throws {
        self.applyOverrides(to: &envelope)
        if envelope.sender.id.isEmpty {
            throw X12Error(.invalidValue, "the envelope has no sender; give --sender QUALIFIER:ID")
        }
        if envelope.receiver.id.isEmpty {
            throw X12Error(.invalidValue, "the envelope has no receiver; give --receiver QUALIFIER:ID")
        }
    }

    /// `--version`, `--sender` and `--receiver` fill in or replace the envelope's values.
    private func applyOverrides(to envelope: inout Envelope) {
        if let version = self.version {
            envelope.version = version.rawValue
            envelope.interchangeVersion = nil  // derived from the version by the encoder
        }
        if let sender = self.sender {
            envelope.sender = EnvelopeIdentity(qualifier: sender.qualifier, id: sender.id)
            envelope.applicationSender = sender.id
        }
        if let receiver = self.receiver {
            envelope.receiver = EnvelopeIdentity(qualifier: receiver.qualifier, id: receiver.id)
            envelope.applicationReceiver = receiver.id
        }
    }

    /// `purchaseOrder PO-1`, for messages.
    static func label(_ document: BusinessDocument) -> String {
        switch document {
        case .purchaseOrder(let order): return "purchaseOrder \(order.number)"
        case .orderAcknowledgment(let acknowledgment): return "orderAcknowledgment \(acknowledgment.orderNumber)"
        case .orderChange(let change): return "orderChange \(change.orderNumber)"
        default: return document.kind.rawValue
        }
    }

    /// The part of an output file name that tells documents apart.
    static func number(_ document: BusinessDocument) -> String {
        switch document {
        case .purchaseOrder(let order): return TranslateOutput.safeName(order.number)
        case .orderAcknowledgment(let acknowledgment):
            return TranslateOutput.safeName(acknowledgment.orderNumber) + "-855"
        case .orderChange(let change): return TranslateOutput.safeName(change.orderNumber) + "-860"
        default: return document.kind.rawValue
        }
    }

    // MARK: Input

    enum Format { case x12, json, unknown }

    /// X12 when the input starts with ISA (after a byte-order mark and white space) or in UTF-16/EBCDIC, or when
    /// `--encoding` names a character set; JSON when it starts with `{` or `[`.
    static func detectFormat(_ bytes: [UInt8], encoding: String?) -> Format {
        if encoding != nil { return .x12 }
        if X12Input.detectEncoding(prefix: Array(bytes.prefix(4))) != nil { return .x12 }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        let rest = bytes[index...]
        if rest.starts(with: Array("ISA".utf8)) { return .x12 }
        if let first = rest.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return .json }
        return .unknown
    }

    /// The whole file, or standard input for `-`.
    static func readAll(_ path: String) throws(X12Error) -> [UInt8] {
        let source = path == "-" ? FileByteSource.standardInput() : try FileByteSource(path: path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            // `withUnsafeMutableBytes` is `rethrows`: the typed error rides out in a `Result`.
            let result = chunk.withUnsafeMutableBytes { buffer in
                Result { () throws(X12Error) -> Int in try source.read(into: buffer) }
            }
            let read = try result.get()
            if read == 0 { break }
            bytes.append(contentsOf: chunk[..<read])
        }
        return bytes
    }
}

/// The documents read from one input file, and whether any part of it failed.
struct TranslateReading {
    let file: String
    private(set) var documents: [BusinessDocument] = []
    private(set) var failed = false

    init(file: String) { self.file = file }

    mutating func fail(_ message: String) {
        printError("porter translate: \(self.file): error: \(message)")
        self.failed = true
    }

    /// Porter JSON: one document, an array, or JSON Lines.
    mutating func readJSON(_ bytes: [UInt8]) {
        let json = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        do {
            self.documents = try BusinessDocument.decodeAll(json: json)
        } catch {
            self.fail(error.description)
        }
    }

    /// X12: every 850 decoded; other sets skipped with a warning. A set with an envelope or decoding error is not
    /// translated (the others are).
    mutating func readX12(_ bytes: [UInt8], encoding: String?) throws(X12Error) {
        let source = try X12Input.open(source: MemoryByteSource(bytes), encoding: encoding)
        let name = self.file == "-" ? "stdin" : self.file
        var reader = X12Reader(source: source, configuration: X12Reader.Configuration(sourceName: name))
        var interchange: X12InterchangeHeader?
        var group: X12GroupHeader?
        var decoder: SetDecoder?
        var set = ""
        var setFailed = false
        while let event = try reader.next() {
            switch event {
            case .interchangeStart(let header): interchange = header
            case .groupStart(let header): group = header
            case .transactionStart(let header):
                setFailed = false
                set = "\(header.identifier) ST02 \(header.controlNumber)"
                guard ["850", "855", "860"].contains(header.identifier) else {
                    printError(
                        "porter translate: \(name): warning: transaction set \(header.identifier) "
                            + "(ST02 \(header.controlNumber)) is not supported yet; skipped")
                    break
                }
                guard let interchange, let group else {
                    self.fail(
                        "transaction set \(header.identifier) (ST02 \(header.controlNumber)) is outside an interchange or group"
                    )
                    break
                }
                switch header.identifier {
                case "850":
                    decoder = .order(
                        X12PurchaseOrderDecoder(
                            interchange: interchange, group: group, transaction: header, sourceName: name))
                case "855":
                    decoder = .acknowledgment(
                        X12OrderAcknowledgmentDecoder(
                            interchange: interchange, group: group, transaction: header, sourceName: name))
                default:
                    decoder = .change(
                        X12OrderChangeDecoder(
                            interchange: interchange, group: group, transaction: header, sourceName: name))
                }
            case .segment(let segment): decoder?.add(segment)
            case .finding(let finding):
                guard finding.severity != .info else { break }
                printError("porter translate: \(finding.description)")
                if finding.severity == .error {
                    self.failed = true
                    if decoder != nil { setFailed = true }
                }
            case .transactionEnd:
                if let current = decoder { self.finish(current, set: set, setFailed: setFailed) }
                decoder = nil
            default: break
            }
        }
        if let current = decoder { self.finish(current, set: set, setFailed: setFailed) }
    }

    /// The decoder of the set being read: 850, 855 or 860.
    enum SetDecoder {
        case order(X12PurchaseOrderDecoder)
        case acknowledgment(X12OrderAcknowledgmentDecoder)
        case change(X12OrderChangeDecoder)

        mutating func add(_ segment: X12Segment) {
            switch self {
            case .order(var decoder):
                decoder.add(segment)
                self = .order(decoder)
            case .acknowledgment(var decoder):
                decoder.add(segment)
                self = .acknowledgment(decoder)
            case .change(var decoder):
                decoder.add(segment)
                self = .change(decoder)
            }
        }

        /// The document, or `nil`, with the decoder's findings.
        func decode() -> (document: BusinessDocument?, findings: [X12Finding]) {
            switch self {
            case .order(let decoder):
                let result = decoder.decode()
                return (result.order.map { .purchaseOrder($0) }, result.findings)
            case .acknowledgment(let decoder):
                let result = decoder.decode()
                return (result.acknowledgment.map { .orderAcknowledgment($0) }, result.findings)
            case .change(let decoder):
                let result = decoder.decode()
                return (result.change.map { .orderChange($0) }, result.findings)
            }
        }
    }

    private mutating func finish(_ decoder: SetDecoder, set: String, setFailed: Bool) {
        let result = decoder.decode()
        var failed = setFailed
        for finding in result.findings where finding.severity != .info {
            printError("porter translate: \(finding.description)")
            if finding.severity == .error { failed = true }
        }
        guard let document = result.document, !failed else {
            self.failed = true
            printError(
                "porter translate: \(self.file): transaction set \(set) has errors (above); not translated")
            return
        }
        self.documents.append(document)
    }
}

/// `--to json|x12`.
enum TranslateFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case x12
}

/// `--version 004010|005010`.
enum X12VersionChoice: String, ExpressibleByArgument, CaseIterable {
    case v004010 = "004010"
    case v005010 = "005010"
}

/// `--sender` / `--receiver` as `QUALIFIER:ID` (`ZZ:ACME`).
struct X12Identity: ExpressibleByArgument {
    var qualifier: String
    var id: String

    init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":") else { return nil }
        let qualifier = String(argument[..<colon])
        let id = String(argument[argument.index(after: colon)...])
        guard (1...2).contains(qualifier.count), (1...15).contains(id.count),
            qualifier.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { return nil }
        self.qualifier = qualifier
        self.id = id
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
