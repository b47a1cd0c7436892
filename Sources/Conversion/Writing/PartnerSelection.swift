public import Orders
public import Partners
import X12

/// `--partner NAME [--mappings DIR]`: the partner's profile, applied to each document before it is encoded.
public struct PartnerSelection: Sendable {
    /// What the mapping made of a document.
    public enum Outcome: Sendable {
        /// The document to encode.
        case document(BusinessDocument)
        /// An accuracy rule held the document: it is not written.
        case held([AccuracyFinding])
    }

    /// The partner's mapping.
    public var mapping: PartnerMapping

    /// Wraps a mapping already loaded.
    public init(mapping: PartnerMapping) { self.mapping = mapping }

    /// Loads the profile `name` from the `mappings` folder, which must load without errors.
    ///
    /// - Throws: ``PartnersError`` when the folder cannot be read; ``X12Error`` (`.invalidValue`) when it has errors
    ///   or no profile `name`, with a sentence that says what to do.
    public init(partner name: String, mappings: String) throws {
        let catalog = try MappingsLoader(directory: mappings).load()
        if catalog.findings.contains(where: { $0.severity == .error }) {
            throw X12Error(
                .invalidValue, "\(mappings) has errors; run `porter mappings check \(mappings)` to see them")
        }
        guard let profile = catalog.profiles[name] else {
            let known = catalog.profiles.keys.sorted().joined(separator: ", ")
            throw X12Error(.invalidValue, "no partner \(name) in \(mappings) (there are: \(known))")
        }
        self.mapping = PartnerMapping(profile: profile)
    }

    /// The document through the partner's mapping: inbound (into Porter's terms) for JSON output, outbound (with
    /// the accuracy rules) otherwise.
    public func apply(_ document: BusinessDocument, inbound: Bool) -> Outcome {
        if inbound { return .document(self.mapping.inbound(document)) }
        let mapped = self.mapping.outbound(document)
        return mapped.isHeld ? .held(mapped.findings) : .document(mapped.document)
    }
}
