import CXML
import Foundation
import Orders
import Translation
import X12

/// Runs a partner's golden tests: each `tests/NAME.<ext>` through the partner's mapping, compared with
/// `tests/NAME.expected.<ext>`.
///
/// The direction follows the input: canonical JSON (`.json`) goes outbound (defaults, cross-reference, rules, code
/// lists, then the partner's format: X12 with its version and delimiters, cXML, or JSON); X12 (`.edi`, `.x12`) and
/// cXML (`.xml`) go inbound (decoded, code lists and cross-reference applied, written as canonical JSON). JSON is
/// written indented with sorted keys so a diff is readable. An order a rule holds gives `HELD` and its findings
/// instead of a document. cXML output has a fixed payload ID and timestamp so it can be compared.
public struct GoldenTestRunner: Sendable {
    public var mapping: PartnerMapping
    /// The partner's `tests` folder, as findings name it.
    public var folder: String

    public init(mapping: PartnerMapping, folder: String) {
        self.mapping = mapping
        self.folder = folder
    }

    static let inboundExtensions = ["edi", "x12", "xml"]

    /// Every test in the folder, by name; an empty list when there is no folder.
    public func run() -> [GoldenTestResult] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: self.folder)) ?? []).sorted()
        var results: [GoldenTestResult] = []
        for file in files where !file.hasPrefix(".") && !file.contains(".expected.") && file != "README.md" {
            guard let dot = file.lastIndex(of: ".") else { continue }
            let name = String(file[..<dot])
            let ext = String(file[file.index(after: dot)...])
            let direction: GoldenTestResult.Direction = ext == "json" ? .outbound : .inbound
            var result = GoldenTestResult(
                partner: self.mapping.profile.id, name: name, direction: direction, input: "\(self.folder)/\(file)",
                expected: files.first { $0.hasPrefix("\(name).expected.") }.map { "\(self.folder)/\($0)" })
            guard ext == "json" || Self.inboundExtensions.contains(ext) else {
                result.problem = "an input must be .json (outbound) or .edi, .x12, .xml (inbound)"
                results.append(result)
                continue
            }
            guard let input = FileManager.default.contents(atPath: result.input) else {
                result.problem = "cannot be read"
                results.append(result)
                continue
            }
            do {
                let (actual, actualExtension) =
                    direction == .outbound
                    ? try self.outbound(Array(input), name: name) : (try self.inbound(Array(input), ext: ext), "json")
                result.actual = actual
                result.actualExtension = actualExtension
                guard let expectedPath = result.expected,
                    let expected = FileManager.default.contents(atPath: expectedPath)
                else {
                    result.problem = "no \(name).expected.\(actualExtension) beside it"
                    results.append(result)
                    continue
                }
                result.diff = LineDiff.lines(expected: String(decoding: expected, as: UTF8.self), actual: actual)
            } catch {
                result.problem = "\(error)"
            }
            results.append(result)
        }
        return results
    }

    struct GoldenError: Error, CustomStringConvertible {
        var description: String
    }

    /// Canonical JSON in, the partner's format out.
    func outbound(_ bytes: [UInt8], name: String) throws -> (output: String, extension: String) {
        let documents = try BusinessDocument.decodeAll(json: bytes)
        var output = ""
        var ext = "txt"
        for document in documents {
            let mapped = self.mapping.outbound(document)
            if mapped.isHeld {
                output += "HELD \(document.kind.rawValue) \(Self.number(document))\n"
                // Rule locations relative to the partner's folder, so the expected file does not depend on where
                // the mappings folder is.
                let partnerFolder = (self.folder as NSString).deletingLastPathComponent + "/"
                for finding in mapped.findings {
                    output += finding.description.replacingOccurrences(of: partnerFolder, with: "") + "\n"
                }
                continue
            }
            guard let settings = self.mapping.profile.documents[document.kind]?.outbound else {
                throw GoldenError(description: "the profile has no outbound settings for \(document.kind.rawValue)")
            }
            ext = settings.format == .x12 ? "edi" : settings.format == .cxml ? "xml" : "json"
            switch settings.format {
            case .x12:
                let encoder = X12DocumentEncoder(
                    version: settings.x12Version, delimiters: settings.delimiters, lineEnding: settings.lineEnding)
                output += String(decoding: try encoder.encodeInterchange(mapped.document), as: UTF8.self)
            case .cxml:
                var options = CXMLEncodingOptions(
                    version: settings.cxmlVersion ?? "1.2.069", payloadID: "golden-\(name)@porter.invalid",
                    timestamp: "2025-01-01T00:00:00+00:00")
                if let cxml = self.mapping.profile.identity.cxml {
                    options.receiver = CXMLCredential(domain: cxml.domain, identity: cxml.identity)
                }
                if let style = settings.cxmlUnitStyle.flatMap(CXMLUnitsOfMeasure.Style.init(rawValue:)) {
                    options.unitStyle = style
                }
                let encoding = try CXMLDocumentEncoder(options: options).encode(mapped.document)
                output += String(decoding: encoding.bytes, as: UTF8.self)
            case .json:
                output += try Self.prettyJSON(mapped.document)
            }
        }
        return (output, ext)
    }

    /// The partner's format in, canonical JSON out.
    func inbound(_ bytes: [UInt8], ext: String) throws -> String {
        var documents: [BusinessDocument] = []
        if ext == "xml" {
            let decoding = try CXMLDocumentDecoder().decode(bytes: bytes)
            if let error = decoding.findings.first(where: { $0.severity == .error }) {
                throw GoldenError(description: "the cXML does not decode: \(error)")
            }
            guard case .document(let document) = decoding.content else {
                throw GoldenError(description: "the cXML holds no business document")
            }
            documents.append(document)
        } else {
            documents = try Self.decodeX12(bytes)
        }
        return try documents.map { try Self.prettyJSON(self.mapping.inbound($0)) }.joined()
    }

    static func decodeX12(_ bytes: [UInt8]) throws -> [BusinessDocument] {
        var reader = X12DocumentReader(source: try X12Input.open(source: MemoryByteSource(bytes)))
        var documents: [BusinessDocument] = []
        while let event = try reader.next() {
            switch event {
            case .finding(let finding) where finding.severity == .error:
                throw GoldenError(description: "the X12 has an error: \(finding)")
            case .document(let set):
                if let error = set.findings.first(where: { $0.severity == .error }) {
                    throw GoldenError(description: "the X12 does not decode: \(error)")
                }
                if let document = set.document { documents.append(document) }
            default: break
            }
        }
        return documents
    }

    /// Canonical JSON, indented with sorted keys, and a final line feed.
    static func prettyJSON(_ document: BusinessDocument) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(document.encodeCanonicalJSON()))
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func number(_ document: BusinessDocument) -> String {
        switch document {
        case .purchaseOrder(let order): order.number
        case .orderChange(let change): change.orderNumber
        default: document.envelope.transactionControlNumber ?? ""
        }
    }
}
