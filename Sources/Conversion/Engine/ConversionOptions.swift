/// How `porter convert` converts: the output encoder, the partner profile, and how many inputs at once.
public struct ConversionOptions: Sendable {
    /// Encodes each document into the output format.
    public var encoder: DocumentOutputEncoder
    /// The partner profile applied to each document (`--partner`), if any.
    public var partner: PartnerSelection?
    /// How many inputs are converted at once (`--jobs`), at least 1. Output names do not depend on it.
    public var jobs: Int

    /// Archive members up to this size are extracted into memory; larger ones to a temporary file, in chunks.
    package var memberInMemoryLimit = 1 << 20
    /// One input's outputs are kept in memory (waiting for their turn) up to this many bytes; the rest wait in
    /// spool files.
    package var outputInMemoryLimit = 4 << 20

    public init(encoder: DocumentOutputEncoder, partner: PartnerSelection? = nil, jobs: Int = 1) {
        self.encoder = encoder
        self.partner = partner
        self.jobs = max(1, jobs)
    }
}
