public import Orders

/// A document after a partner's mapping: the document, and the accuracy rules it failed.
///
/// A document with findings is held: it must not be sent until someone fixes the order or the rule.
public struct MappedDocument: Hashable, Sendable {
    public var document: BusinessDocument
    public var findings: [AccuracyFinding]

    public init(document: BusinessDocument, findings: [AccuracyFinding] = []) {
        self.document = document
        self.findings = findings
    }

    /// Whether a rule failed, so the document is held.
    public var isHeld: Bool { !self.findings.isEmpty }
}
