import ArgumentParser
import CXML
import Conversion
import Orders
import Partners
import Translation
import X12

/// `porter translate FILE... --to json|x12|cxml`: X12, cXML and Porter's canonical JSON, each to the others.
///
/// The input format is detected per file. Purchase orders (850, OrderRequest), acknowledgments (855,
/// ConfirmationRequest), ship notices (856, ShipNoticeRequest), changes (860) and functional acknowledgments
/// (997/999) are translated; other transaction sets and documents are skipped with a warning and do not fail the run.
struct TranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translate",
        abstract:
            "Translate purchase orders, acknowledgments, ship notices, changes and functional acknowledgments between X12, cXML and Porter JSON.",
        discussion: """
            The format of each FILE (or - for standard input) is detected: X12 (ISA, in ASCII, UTF-8, UTF-16 or \
            EBCDIC), cXML (<), or Porter JSON (one document, an array, or JSON Lines). X12 and cXML are read as \
            streams: each transaction set is translated and written as soon as its SE is read. Other transaction \
            sets and documents are skipped with a warning on standard error. Without -o, JSON Lines, X12 \
            interchanges or one cXML document go to standard output. With -o, an existing folder or a path ending \
            in / gets one file per document (never overwriting); any other path gets one file with every document \
            (cXML: exactly one). Exit 0 on success (warnings allowed), 1 when a document has errors (the others \
            are still written), 2 when a file cannot be read or written, 64 on a usage error.
            """)

    @Argument(help: "Files to translate; - reads standard input.")
    var files: [String]

    @Option(help: "The output format: json, x12 or cxml.")
    var to: TranslateFormat

    @Option(help: "X12 version to write (004010 or 005010). Default: the document's envelope, else 004010.")
    var version: X12VersionChoice?

    @Option(help: "cXML version to write (its DTD's version).")
    var cxmlVersion: String = "1.2.069"

    @Option(
        help:
            "Sender: ISA05/06 (and GS02) as QUALIFIER:ID for X12 (ZZ:ACME), the From credential as DOMAIN:ID for cXML (NetworkID:AN01). Default: the document's envelope."
    )
    var sender: String?

    @Option(help: "Receiver: QUALIFIER:ID for X12, DOMAIN:ID for cXML. Default: the document's envelope.")
    var receiver: String?

    @Option(
        help:
            "The original purchase order (X12, cXML or Porter JSON) an 860 changes: --to cxml restates it as an OrderRequest update."
    )
    var original: String?

    @Option(
        help:
            "Apply this partner's profile from the mappings folder: outbound (code lists, cross-references, defaults, accuracy rules) with --to x12|cxml, inbound with --to json."
    )
    var partner: String?

    @Option(help: "The mappings folder --partner reads.")
    var mappings: String = "Mappings"

    @Option(
        name: [.short, .customLong("output")],
        help: "Where to write: a file, or a folder (existing, or ending in /) for one file per document.")
    var output: String?

    @Option(help: "Character set of X12 input (ISO-8859-1, IBM037, UTF-16...). Default: detected.")
    var encoding: String?

    func validate() throws {
        if self.to != .x12, self.version != nil { throw ValidationError("--version is only used with --to x12.") }
        if self.to != .cxml, self.original != nil { throw ValidationError("--original is only used with --to cxml.") }
        for (name, value) in [("--sender", self.sender), ("--receiver", self.receiver)] {
            guard let value else { continue }
            if let problem = DocumentOutputEncoder.identityProblem(name, value, format: self.to.outputFormat) {
                throw ValidationError(problem)
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
        let original: PurchaseOrder?
        do {
            original = try self.original.map(Self.readOriginal)
        } catch {
            printError("porter translate: --original \(self.original ?? ""): \(describe(error))")
            throw PorterExit.couldNotRun
        }
        let partner: PartnerSelection?
        do {
            partner = try self.partner.map { try PartnerSelection(partner: $0, mappings: self.mappings) }
        } catch {
            printError("porter translate: \(describe(error))")
            throw PorterExit.couldNotRun
        }
        let encoder = DocumentOutputEncoder(
            format: self.to.outputFormat, x12Version: self.version?.rawValue, cxmlVersion: self.cxmlVersion,
            sender: self.sender, receiver: self.receiver)
        var exits: [ExitCode] = []
        for file in self.files {
            var reading = TranslateReading(file: file)
            // Each document is written as soon as it is decoded: one transaction set in memory at a time.
            let emit = { (document: BusinessDocument) in
                do {
                    guard let document = self.map(document, with: partner, file: file) else {
                        exits.append(PorterExit.inputErrors)
                        return
                    }
                    try self.write(document, file: file, to: destination, encoder: encoder, original: original)
                } catch let error as TranslateOutput.WriteError {
                    printError("porter translate: \(error.message)")
                    exits.append(PorterExit.couldNotRun)
                } catch {
                    printError("porter translate: \(file): \(DocumentNaming.label(document)): \(describe(error))")
                    exits.append(PorterExit.inputErrors)
                }
            }
            do {
                switch try TranslateInput.open(file, encoding: self.encoding) {
                case .x12(let source): try reading.readX12(source, encoding: self.encoding, emit: emit)
                case .json(let bytes): reading.readJSON(bytes, emit: emit)
                case .cxml(let source): reading.readCXML(source, emit: emit)
                case .unknown: reading.fail("not X12 (no ISA at the start), not cXML and not Porter JSON")
                }
            } catch {
                printError("porter translate: \(file == "-" ? "stdin" : file): \(describe(error))")
                let couldNotRun = error.code == .io || error.code == .unsupportedEncoding
                exits.append(couldNotRun ? PorterExit.couldNotRun : PorterExit.inputErrors)
            }
            if reading.failed { exits.append(PorterExit.inputErrors) }
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
    private func write(
        _ document: BusinessDocument, file: String, to destination: TranslateOutput, encoder: DocumentOutputEncoder,
        original: PurchaseOrder?
    ) throws {
        let label = DocumentNaming.label(document)
        if self.to == .json {
            // Canonical JSON has every document's form and no findings: written from the writer's own buffer.
            try destination.writeJSON(document, name: self.outputName(document, file: file))
            return
        }
        switch try encoder.encode(document, original: original) {
        case .noForm(let reason):
            printError("porter translate: \(file): warning: \(label) \(reason); skipped")
        case .encoded(let bytes, let findings):
            for finding in findings where finding.severity != .info {
                printError("porter translate: \(file): \(label): \(finding.description)")
            }
            try destination.write(bytes, name: self.outputName(document, file: file))
        }
    }

    /// The name of `document`'s file when writing into a folder.
    private func outputName(_ document: BusinessDocument, file: String) -> String {
        "\(DocumentNaming.sourceName(file))-\(DocumentNaming.number(document)).\(self.to.outputFormat.fileExtension)"
    }

    /// The document through the partner's mapping: inbound into Porter JSON, outbound otherwise; `nil` (after
    /// saying why) when an accuracy rule holds it.
    private func map(_ document: BusinessDocument, with partner: PartnerSelection?, file: String) -> BusinessDocument? {
        guard let partner else { return document }
        switch partner.apply(document, inbound: self.to == .json) {
        case .document(let mapped): return mapped
        case .held(let findings):
            let label = DocumentNaming.label(document)
            for finding in findings {
                printError("porter translate: \(file): \(label): held: \(finding.description)")
            }
            printError(
                "porter translate: \(file): \(label) is held by \(partner.mapping.profile.id)'s rules; not written")
            return nil
        }
    }

    /// The first purchase order in `path` (X12, cXML or Porter JSON), for `--original`.
    static func readOriginal(_ path: String) throws -> PurchaseOrder {
        var found: PurchaseOrder?
        var reading = TranslateReading(file: path)
        let keep = { (document: BusinessDocument) in
            if found == nil, case .purchaseOrder(let order) = document { found = order }
        }
        switch try TranslateInput.open(path, encoding: nil) {
        case .x12(let source): try reading.readX12(source, encoding: nil, emit: keep)
        case .json(let bytes): reading.readJSON(bytes, emit: keep)
        case .cxml(let source): reading.readCXML(source, emit: keep)
        case .unknown: break
        }
        guard let found else { throw X12Error(.invalidValue, "holds no purchase order") }
        return found
    }
}

/// Reads the documents of one input file and hands each to `emit`, noting whether any part of the file failed.
struct TranslateReading {
    let file: String
    private(set) var failed = false

    init(file: String) { self.file = file }

    private var name: String { self.file == "-" ? "stdin" : self.file }

    mutating func fail(_ message: String) {
        printError("porter translate: \(self.name): error: \(message)")
        self.failed = true
    }

    /// Porter JSON: one document, an array, or JSON Lines.
    mutating func readJSON(_ bytes: [UInt8], emit: (BusinessDocument) -> Void) {
        let json = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        do {
            for document in try BusinessDocument.decodeAll(json: json) { emit(document) }
        } catch {
            self.fail(error.description)
        }
    }

    /// cXML: one document, read by the secure streaming reader; business documents are emitted, a `Response` or
    /// `StatusUpdateRequest` is skipped with a warning (it has no canonical form).
    mutating func readCXML(_ input: ReplayingByteSource, emit: (BusinessDocument) -> Void) {
        let name = self.name
        let decoding: CXMLDocumentDecoding
        do {
            decoding = try CXMLDocumentDecoder(sourceName: name).decode(CXMLReader(input.cxmlChunks()))
        } catch {
            self.fail(error.description)
            return
        }
        var failed = false
        for finding in decoding.findings where finding.severity != .info {
            printError("porter translate: \(finding.description)")
            if finding.severity == .error { failed = true }
        }
        switch decoding.content {
        case .document(let document) where !failed: emit(document)
        case .response, .statusUpdate:
            printError(
                "porter translate: \(name): warning: a cXML \(decoding.documentElement ?? "document") has no canonical form; skipped"
            )
        default:
            self.fail("the cXML \(decoding.documentElement ?? "document") has errors (above); not translated")
        }
    }

    /// X12: every supported set decoded and emitted as soon as its SE is read; other sets skipped with a warning.
    /// A set with an envelope or decoding error is not translated (the others are).
    mutating func readX12(
        _ input: some ByteSource, encoding: String?, emit: (BusinessDocument) -> Void
    ) throws(X12Error) {
        let source = try X12Input.open(source: input, encoding: encoding)
        let name = self.name
        var documents = X12DocumentReader(source: source, sourceName: name)
        while let event = try documents.next() {
            switch event {
            case .finding(let finding):
                guard finding.severity != .info else { break }
                printError("porter translate: \(finding.description)")
                if finding.severity == .error { self.failed = true }
            case .skipped(let header) where X12DocumentDecoder.supports(header.identifier):
                self.fail(
                    "transaction set \(header.identifier) (ST02 \(header.controlNumber)) is outside an interchange or group"
                )
            case .skipped(let header):
                printError(
                    "porter translate: \(name): warning: transaction set \(header.identifier) "
                        + "(ST02 \(header.controlNumber)) is not supported yet; skipped")
            case .document(let set):
                for finding in set.findings where finding.severity != .info {
                    printError("porter translate: \(finding.description)")
                }
                guard let document = set.document, set.isClean else {
                    self.failed = true
                    printError(
                        "porter translate: \(name): transaction set \(set.header.identifier) ST02 "
                            + "\(set.header.controlNumber) has errors (above); not translated")
                    break
                }
                emit(document)
            }
        }
    }
}

/// `--to json|x12`.
enum TranslateFormat: String, ExpressibleByArgument, CaseIterable {
    case json
    case x12
    case cxml

    /// The library's name for the format.
    var outputFormat: OutputFormat {
        switch self {
        case .json: return .json
        case .x12: return .x12
        case .cxml: return .cxml
        }
    }
}

/// `--version 004010|005010`.
enum X12VersionChoice: String, ExpressibleByArgument, CaseIterable {
    case v004010 = "004010"
    case v005010 = "005010"
}
