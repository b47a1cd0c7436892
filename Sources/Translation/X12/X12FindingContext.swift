import X12

/// Where the set being decoded is, for locating findings.
struct X12FindingContext: Sendable {
    var file: String?
    var interchange: String
    var group: String
    var transaction: String
    var byteOffset: Int
    var line: Int

    func location(_ segment: X12LocatedSegment? = nil, element: Int? = nil) -> X12Location {
        X12Location(
            file: self.file, byteOffset: segment?.byteOffset ?? self.byteOffset, line: segment?.line ?? self.line,
            interchange: self.interchange, group: self.group, transaction: self.transaction,
            segmentPosition: segment?.position, segmentID: segment?.segment.id, element: element)
    }
}
