import CXML
package import Partners
package import Translation
package import X12

/// The JSON shape of a finding, shared by `porter inspect`, `porter validate --json` and `porter convert`'s
/// `errors.json` (README, "JSON output"): `severity`, `code`, `message`, `value`, `acknowledgment` and `location`.
package enum FindingJSON {
    /// An X12 finding, located by byte offset, line and envelope control numbers.
    package static func encode(_ finding: X12Finding) -> String {
        let location = finding.location
        let locationJSON = JSONText.object([
            ("byteOffset", String(location.byteOffset)),
            ("line", String(location.line)),
            ("interchange", JSONText.string(location.interchange)),
            ("group", JSONText.string(location.group)),
            ("transaction", JSONText.string(location.transaction)),
            ("segmentPosition", JSONText.number(location.segmentPosition)),
            ("segmentId", JSONText.string(location.segmentID)),
            ("element", JSONText.number(location.element)),
            ("component", JSONText.number(location.component)),
            ("loop", JSONText.string(location.loop)),
        ])
        let acknowledgment = finding.acknowledgment.map {
            JSONText.object([("element", JSONText.string($0.element)), ("code", JSONText.string($0.value))])
        }
        return self.object(
            severity: finding.severity.rawValue, code: finding.code.rawValue, message: finding.message,
            value: finding.value, acknowledgment: acknowledgment, location: locationJSON)
    }

    /// A cXML finding in the shape of an X12 one: its location is a line, a column and an element path.
    package static func encode(_ finding: CXMLFinding) -> String {
        let location = JSONText.object([
            ("line", JSONText.number(finding.location?.line)),
            ("column", JSONText.number(finding.location?.column)),
            ("path", JSONText.string(finding.location?.path ?? finding.path)),
        ])
        return self.object(
            severity: finding.severity.rawValue, code: finding.code.rawValue, message: finding.message,
            value: finding.value, acknowledgment: nil, location: location)
    }

    /// A partner's accuracy rule that held a document: an error whose code is the rule, located in the document
    /// (`path`, `lineNumber`) and in the profile (`rule`, as `file:line:column`).
    package static func encode(_ finding: AccuracyFinding) -> String {
        let location = JSONText.object([
            ("path", JSONText.string(finding.path)),
            ("lineNumber", JSONText.string(finding.lineNumber)),
            ("rule", JSONText.string(finding.ruleLocation.description)),
        ])
        return self.object(
            severity: "error", code: finding.rule.rawValue, message: finding.message, value: nil,
            acknowledgment: nil, location: location)
    }

    /// A problem with a whole input (unreadable, not a document Porter knows), located by its byte offset when known.
    package static func encode(code: String, message: String, byteOffset: Int?) -> String {
        let location = JSONText.object([("byteOffset", JSONText.number(byteOffset))])
        return self.object(
            severity: "error", code: code, message: message, value: nil, acknowledgment: nil, location: location)
    }

    private static func object(
        severity: String, code: String, message: String, value: String?, acknowledgment: String?, location: String
    ) -> String {
        JSONText.object([
            ("severity", JSONText.string(severity)),
            ("code", JSONText.string(code)),
            ("message", JSONText.string(message)),
            ("value", JSONText.string(value)),
            ("acknowledgment", acknowledgment ?? "null"),
            ("location", location),
        ])
    }
}
