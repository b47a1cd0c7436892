import X12

/// The JSON shape of a finding, shared by `inspect` and `validate` (README, "JSON output").
enum FindingJSON {
    static func encode(_ finding: X12Finding) -> String {
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
        return JSONText.object([
            ("severity", JSONText.string(finding.severity.rawValue)),
            ("code", JSONText.string(finding.code.rawValue)),
            ("message", JSONText.string(finding.message)),
            ("value", JSONText.string(finding.value)),
            ("acknowledgment", acknowledgment ?? "null"),
            ("location", locationJSON),
        ])
    }
}
