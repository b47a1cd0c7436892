public import Foundation

/// Why a file went to `error/` or `quarantine/`: written beside it as `<name>.error.json`.
///
/// The JSON has sorted keys, ISO 8601 times (to the second) and is pretty-printed, so it is stable for tools and
/// readable for people:
/// ```json
/// {
///   "at" : "2025-01-31T12:05:03Z",
///   "claim" : "20250131T120502123Z-9f3a01c2",
///   "file" : "acme/po1.edi",
///   "findings" : [
///     {
///       "location" : "po1.edi ISA13 000000123 GS06 17 ST02 0001, segment 5 (BEG), element 03",
///       "message" : "BEG03 (purchase order number) is required",
///       "severity" : "error"
///     }
///   ],
///   "partnerFolder" : "acme",
///   "reason" : "the purchase order cannot be decoded",
///   "stage" : "decode"
/// }
/// ```
public struct ErrorReport: Codable, Hashable, Sendable {
    /// One problem found in the file.
    public struct Finding: Codable, Hashable, Sendable {
        /// `error`, `warning` or `info`.
        public var severity: String
        /// What is wrong, in one sentence.
        public var message: String
        /// Where: file, ISA13/GS06/ST02, segment position and id, element; or the cXML element path.
        public var location: String?

        public init(severity: String, message: String, location: String? = nil) {
            self.severity = severity
            self.message = message
            self.location = location
        }
    }

    /// The file's name relative to `inbox/` (`acme/po1.edi`).
    public var file: String
    /// The claim under which it was processed, if it was claimed.
    public var claim: String?
    /// When it failed.
    public var at: Date
    /// Where in the pipeline it failed: `claim`, `read`, `validate`, `identify`, `decode`, `map`, `route`,
    /// `encode` or `store`.
    public var stage: String
    /// Why, in one sentence.
    public var reason: String
    /// The findings behind the reason, if any.
    public var findings: [Finding]
    /// The inbox subfolder it came from; `porter reprocess` puts it back there.
    public var partnerFolder: String?

    public init(
        file: String, claim: String? = nil, at: Date = Date(), stage: String, reason: String,
        findings: [Finding] = [], partnerFolder: String? = nil
    ) {
        self.file = file
        self.claim = claim
        self.at = at
        self.stage = stage
        self.reason = reason
        self.findings = findings
        self.partnerFolder = partnerFolder
    }

    /// The report as JSON: sorted keys, ISO 8601 time, pretty-printed, ending in a newline.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Strings, dates and arrays of them always encode.
        guard var data = try? encoder.encode(self) else { preconditionFailure("an ErrorReport did not encode") }
        data.append(0x0A)
        return data
    }

    /// Reads a `<name>.error.json`.
    public static func read(from path: String) throws(IntakeError) -> ErrorReport {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IntakeError(.notFound, "cannot read the error report", path: path)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(ErrorReport.self, from: data)
        } catch {
            throw IntakeError(.io, "the error report is not valid: \(error)", path: path)
        }
    }
}
