public import Orders

/// How documents are named in messages and output file names.
public enum DocumentNaming {
    /// `purchaseOrder PO-1`, for messages.
    public static func label(_ document: BusinessDocument) -> String {
        switch document {
        case .purchaseOrder(let order): return "purchaseOrder \(order.number)"
        case .orderAcknowledgment(let acknowledgment): return "orderAcknowledgment \(acknowledgment.orderNumber)"
        case .orderChange(let change): return "orderChange \(change.orderNumber)"
        case .shipNotice(let notice): return "shipNotice \(notice.shipmentID)"
        case .functionalAcknowledgment(let acknowledgment):
            return "functionalAcknowledgment of group \(acknowledgment.groupControlNumber)"
        }
    }

    /// The part of an output file name that tells documents apart: the order number (with the transaction set of
    /// an acknowledgment, change or ship notice), or the group a 997 acknowledges.
    public static func number(_ document: BusinessDocument) -> String {
        switch document {
        case .purchaseOrder(let order): return self.safeName(order.number)
        case .orderAcknowledgment(let acknowledgment): return self.safeName(acknowledgment.orderNumber) + "-855"
        case .orderChange(let change): return self.safeName(change.orderNumber) + "-860"
        case .shipNotice(let notice): return self.safeName(notice.shipmentID) + "-856"
        case .functionalAcknowledgment(let acknowledgment):
            return "group-" + self.safeName(acknowledgment.groupControlNumber) + "-997"
        }
    }

    /// The input's file name without its folder and extension, for output names (`stdin` for `-`).
    public static func sourceName(_ file: String) -> String {
        if file == "-" { return "stdin" }
        var name = Substring(file)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        return name.isEmpty ? "input" : self.safeName(String(name))
    }

    /// `text` with anything but letters, digits, `.`, `-` and `_` replaced by `_`, for a file name.
    public static func safeName(_ text: String) -> String {
        let safe = String(
            text.map { character in
                character.isASCII && (character.isLetter || character.isNumber || "-_.".contains(character))
                    ? character : "_"
            })
        if safe.isEmpty || safe.allSatisfy({ $0 == "." }) { return "_" }
        return safe
    }
}
