import X12

/// A copied segment with where it was.
struct X12LocatedSegment: Sendable {
    var segment: X12OwnedSegment
    var position: Int
    var byteOffset: Int
    var line: Int
}
