import CXML
import Orders

/// What decoding one cXML document shares: the findings met so far and the input's name.
final class CXMLDecodingContext {
    let file: String?
    private(set) var findings: [CXMLFinding] = []

    /// The document's language (`cXML@xml:lang`, `en-US` when it states none): a text in it needs no
    /// `xml:lang` of its own, so one equal to it is not kept (the encoders write it back).
    var documentLanguage = CXMLDefaults.language

    init(file: String?) { self.file = file }

    func finding(
        _ severity: CXMLFinding.Severity, _ code: CXMLFinding.Code, _ message: String, value: String? = nil,
        at element: CXMLElement
    ) {
        self.findings.append(
            CXMLFinding(severity, code, message, value: value, location: element.location, file: self.file))
    }

    func append(_ findings: [CXMLFinding]) { self.findings += findings }

    /// The document's currency: the first `Money@currency` read.
    private(set) var currency: CurrencyCode?

    /// Notes the currency of a `Money`; one that differs from the document's is a warning (it stays in extensions).
    /// - Returns: Whether the currency is the document's (and so need not be kept).
    func note(currency code: String, at element: CXMLElement) -> Bool {
        guard let currency else {
            self.currency = CurrencyCode(rawValue: code)
            return true
        }
        if currency.rawValue == code { return true }
        self.finding(
            .warning, .invalidEnumeration,
            "Money@currency is \(code) where the document's currency is \(currency); kept in extensions", value: code,
            at: element)
        return false
    }

    /// The attributes whose absence stops a value from being built: an error, not a warning.
    static let criticalAttributes: Set<String> = [
        "OrderRequestHeader@orderID", "OrderRequestHeader@orderDate", "ConfirmationHeader@type",
        "ConfirmationHeader@noticeDate", "ShipNoticeHeader@shipmentID", "ShipNoticeHeader@noticeDate",
        "ItemOut@quantity", "ConfirmationItem@quantity", "ConfirmationStatus@quantity", "ConfirmationStatus@type",
        "ShipNoticeItem@quantity", "Status@code",
    ]
}
