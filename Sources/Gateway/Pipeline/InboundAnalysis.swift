import CXML
import Foundation
import Orders
import Store
import Translation
import X12

/// One business document read from an inbound file.
struct InboundDocument: Sendable {
    var document: BusinessDocument
    /// `ISA13/GS06/ST02`, the cXML payloadID, or `json#N`.
    var controlReference: String
    /// The X12 interchange it came in.
    var interchange: InterchangeKey?
    var isTest: Bool
    /// Why it is not distributed: the validation or decoding errors of its set.
    var rejection: String?
}

/// What an inbound file holds: its envelopes, documents and findings. X12 is read twice, streaming (from the file's
/// bytes in memory when it is small, ``InboundRead``): once through the schema validator (findings, which sets are
/// rejected) and once through the decoder; documents are kept, one file's worth (files in an inbox are
/// interchanges, not archives).
struct InboundAnalysis: Sendable {
    var format: InboundFormat
    var interchanges: [X12InterchangeHeader] = []
    var documents: [InboundDocument] = []
    /// Errors and warnings, for the error report.
    var findings: [ErrorReport.Finding] = []
    /// Sets and documents Porter does not translate (read, envelope-checked, recorded only).
    var skipped: [String] = []
    /// Supported sets that could not be decoded at all (counted as rejected).
    var undecodable = 0
    /// Identities that can name the sending partner, most specific first.
    var senderIdentities: [String] = []
    /// Why nothing in the file could be read, when that is the case.
    var fatal: String?

    var payloadIDs: [String] {
        self.format == .cxml ? self.documents.compactMap { $0.document.envelope.payloadID } : []
    }

    /// Where a file's content is read from: its path (streaming) or its bytes, read once (``InboundRead``).
    enum Content {
        case path(String)
        case bytes([UInt8])

        func x12Source() throws(X12Error) -> any ByteSource {
            switch self {
            case .path(let path): try X12Input.open(path: path)
            case .bytes(let bytes): try X12Input.open(source: MemoryByteSource(bytes))
            }
        }
    }

    static func read(_ content: Content, name: String, format: InboundFormat) -> InboundAnalysis {
        switch format {
        case .x12: Self.readX12(content, name: name)
        case .cxml: Self.readCXML(content, name: name)
        case .json: Self.readJSON(content, name: name)
        }
    }

    // MARK: X12

    private struct SetKey: Hashable {
        var interchange: String?
        var group: String?
        var transaction: String?
    }

    private static func readX12(_ content: Content, name: String) -> InboundAnalysis {
        var analysis = InboundAnalysis(format: .x12)
        var errors: [SetKey: [String]] = [:]
        do {
            var validator = X12Validator(
                reader: X12Reader(
                    source: try content.x12Source(), configuration: X12Reader.Configuration(sourceName: name)),
                sourceName: name)
            while let event = try validator.next() {
                switch event {
                case .interchangeStart(let header):
                    analysis.interchanges.append(header)
                    analysis.senderIdentities.append(header.senderID.trimmingCharacters(in: .whitespaces))
                case .finding(let finding) where finding.severity != .info:
                    analysis.findings.append(ErrorReport.Finding(finding))
                    if finding.severity == .error {
                        let key = SetKey(
                            interchange: finding.location.interchange, group: finding.location.group,
                            transaction: finding.location.transaction)
                        errors[key, default: []].append(finding.description)
                    }
                default: break
                }
            }
            var documents = X12DocumentReader(source: try content.x12Source(), sourceName: name)
            while let event = try documents.next() {
                switch event {
                case .document(let set):
                    guard let document = set.document else {
                        analysis.undecodable += 1
                        for finding in set.findings where finding.severity == .error {
                            analysis.findings.append(ErrorReport.Finding(finding))
                        }
                        continue
                    }
                    let envelope = document.envelope
                    let isa = envelope.interchangeControlNumber
                    let gs = envelope.groupControlNumber
                    let st = envelope.transactionControlNumber ?? set.header.controlNumber
                    var reasons =
                        errors[SetKey(interchange: isa, group: gs, transaction: st)]
                        ?? errors[SetKey(interchange: isa, group: gs, transaction: nil)]
                        ?? errors[SetKey(interchange: isa, group: nil, transaction: nil)] ?? []
                    for finding in set.findings where finding.severity == .error {
                        reasons.append(finding.description)
                        analysis.findings.append(ErrorReport.Finding(finding))
                    }
                    let header = analysis.interchanges.last { $0.controlNumber == isa }
                    analysis.documents.append(
                        InboundDocument(
                            document: document, controlReference: "\(isa ?? "")/\(gs ?? "")/\(st)",
                            interchange: header.map(Self.key), isTest: header?.isTest ?? (envelope.usage == .test),
                            rejection: reasons.isEmpty ? nil : reasons.joined(separator: "; ")))
                case .finding: break
                case .skipped(let header):
                    analysis.skipped.append("\(header.identifier) \(header.controlNumber): not translated by Porter")
                }
            }
        } catch {
            analysis.fatal = error.description
        }
        if analysis.interchanges.isEmpty, analysis.fatal == nil {
            analysis.fatal = analysis.findings.first?.message ?? "no interchange could be read"
        }
        return analysis
    }

    /// `QUALIFIER:ID` of an ISA's sender and receiver with the control number.
    static func key(_ header: X12InterchangeHeader) -> InterchangeKey {
        InterchangeKey(
            sender: "\(header.senderQualifier):\(header.senderID.trimmingCharacters(in: .whitespaces))",
            receiver: "\(header.receiverQualifier):\(header.receiverID.trimmingCharacters(in: .whitespaces))",
            controlNumber: header.controlNumber)
    }

    // MARK: cXML

    private static func readCXML(_ content: Content, name: String) -> InboundAnalysis {
        var analysis = InboundAnalysis(format: .cxml)
        let decoding: CXMLDocumentDecoding
        do {
            let decoder = CXMLDocumentDecoder(sourceName: name)
            switch content {
            case .path(let path): decoding = try decoder.decode(path: path)
            case .bytes(let bytes): decoding = try decoder.decode(bytes: bytes)
            }
        } catch {
            analysis.fatal = error.description
            return analysis
        }
        let errors = decoding.findings.filter { $0.severity == .error }
        for finding in decoding.findings where finding.severity != .info {
            analysis.findings.append(
                ErrorReport.Finding(
                    severity: finding.severity.rawValue, message: finding.description, location: name))
        }
        switch decoding.content {
        case .document(let document):
            let envelope = document.envelope
            analysis.senderIdentities.append(envelope.sender.id)
            analysis.documents.append(
                InboundDocument(
                    document: document, controlReference: envelope.payloadID ?? name, interchange: nil,
                    isTest: envelope.usage == .test,
                    rejection: errors.isEmpty ? nil : errors.map(\.description).joined(separator: "; ")))
        case .response, .statusUpdate:
            analysis.skipped.append("\(decoding.documentElement ?? "cXML"): recorded, not translated")
        case nil:
            analysis.fatal = errors.first?.description ?? "no cXML document in the file"
        }
        return analysis
    }

    // MARK: JSON

    /// Porter JSON from internal systems: one document, an array or JSON Lines (bounded to 64 MiB).
    private static func readJSON(_ content: Content, name: String) -> InboundAnalysis {
        var analysis = InboundAnalysis(format: .json)
        var bytes: [UInt8]
        switch content {
        case .bytes(let read): bytes = read
        case .path(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                analysis.fatal = "cannot read \(path)"
                return analysis
            }
            bytes = [UInt8](data)
        }
        if bytes.count > 64 << 20 {
            analysis.fatal = "a Porter JSON file is limited to 64 MiB; this one has \(bytes.count) bytes"
            return analysis
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        do {
            for (index, document) in try BusinessDocument.decodeAll(json: bytes).enumerated() {
                let envelope = document.envelope
                if !envelope.sender.id.isEmpty { analysis.senderIdentities.append(envelope.sender.id) }
                analysis.documents.append(
                    InboundDocument(
                        document: document, controlReference: "json#\(index + 1)", interchange: nil,
                        isTest: envelope.usage == .test, rejection: nil))
            }
        } catch {
            analysis.fatal = "\(name): \(error.description)"
        }
        return analysis
    }
}

extension ErrorReport.Finding {
    /// A validator or decoder finding, located.
    init(_ finding: X12Finding) {
        self.init(
            severity: finding.severity.rawValue, message: finding.description,
            location: finding.location.contextDescription)
    }
}
