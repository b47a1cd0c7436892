/// What an `ISA` header says, with the delimiters the reader found from it.
///
/// ISA02 and ISA04 (authorization and security information) are secrets and are not kept.
public struct X12InterchangeHeader: Hashable, Sendable {
    public var delimiters: X12Delimiters
    /// ISA05 and ISA06 (trailing padding removed).
    public var senderQualifier: String
    public var senderID: String
    /// ISA07 and ISA08 (trailing padding removed).
    public var receiverQualifier: String
    public var receiverID: String
    /// ISA09 (YYMMDD) and ISA10 (HHMM) as sent.
    public var date: String
    public var time: String
    /// ISA11 as sent: `U` in 00401, the repetition separator from 00402 on.
    public var standardsIdentifier: String
    /// ISA12, such as `00401` or `00501`.
    public var version: String
    /// ISA13 as sent, such as `000000457`.
    public var controlNumber: String
    /// ISA14: a TA1 is requested.
    public var acknowledgmentRequested: Bool
    /// ISA15: `P` production, `T` test, `I` information.
    public var usage: String
    public var byteOffset: Int
    public var line: Int

    /// `true` when ISA15 is `T`.
    public var isTest: Bool { self.usage == "T" }
}

/// What a `GS` header says.
public struct X12GroupHeader: Hashable, Sendable {
    /// GS01, such as `PO`.
    public var functionalIdentifier: String
    /// GS02 and GS03.
    public var senderCode: String
    public var receiverCode: String
    /// GS04 (CCYYMMDD) and GS05 (HHMM[SS[D[D]]]) as sent.
    public var date: String
    public var time: String
    /// GS06 as sent.
    public var controlNumber: String
    /// GS07, usually `X`.
    public var agency: String
    /// GS08, such as `004010` or `004010VICS`.
    public var version: String
    public var byteOffset: Int
    public var line: Int
}

/// What an `ST` header says.
public struct X12TransactionHeader: Hashable, Sendable {
    /// ST01, such as `850`.
    public var identifier: String
    /// ST02 as sent.
    public var controlNumber: String
    /// ST03 (implementation convention reference, 004020 on), when sent.
    public var implementationReference: String?
    public var byteOffset: Int
    public var line: Int
}

/// The functional identifier code (GS01) that belongs with a transaction set (ST01).
package enum FunctionalIdentifier {
    package static let byTransactionSet: [String: String] = [
        "850": "PO", "855": "PR", "860": "PC", "865": "CA", "856": "SH", "810": "IN", "824": "AG",
        "997": "FA", "999": "FA", "940": "OW", "945": "SW", "846": "IB", "832": "SC", "820": "RA",
        "837": "HC", "835": "HP", "270": "HS", "271": "HB", "276": "HR", "277": "HN", "834": "BE",
        "204": "SM", "214": "QM", "990": "GF", "180": "AN", "852": "PD", "830": "PS", "862": "SS",
    ]
}
