import Orders

/// Builds the two documents that are not purchase-order documents: ``CXMLResponse`` and ``CXMLStatusUpdate``.
enum CXMLStatusDecoding {
    /// A `Status` element: `code` (a whole number, required), `text`, its own text, `xml:lang`.
    static func status(_ cursor: CXMLCursor) -> CXMLStatus? {
        guard let codeText = cursor.attribute("code") else { return nil }
        guard let code = Int(codeText) else {
            cursor.context.finding(
                .error, .invalidNumber, "Status@code is not a whole number", value: codeText, at: cursor.element)
            return nil
        }
        return CXMLStatus(
            code: code, text: cursor.attribute("text") ?? "", detail: cursor.text,
            language: cursor.attribute("xml:lang"))
    }

    static func response(
        _ response: CXMLCursor, envelope decoded: CXMLEnvelopeDecoding, context: CXMLDecodingContext
    ) -> CXMLResponse? {
        guard let statusCursor = response.child("Status") else {
            context.finding(.error, .missingRequired, "the Response has no Status", at: response.element)
            return nil
        }
        guard let status = self.status(statusCursor) else { return nil }
        let responseElement = response.unreadChildNames.first
        var extensions = Extensions()
        decoded.root.finish(into: &extensions)
        let envelope = decoded.envelope
        return CXMLResponse(
            payloadID: envelope.payloadID, timestamp: envelope.date, version: envelope.version, status: status,
            responseElement: responseElement, extensions: extensions)
    }

    static func statusUpdate(
        _ document: CXMLCursor, envelope decoded: CXMLEnvelopeDecoding, context: CXMLDecodingContext
    ) -> CXMLStatusUpdate? {
        let reference = document.child("DocumentReference")?.attribute("payloadID")
        guard let statusCursor = document.child("Status") else {
            context.finding(.error, .missingRequired, "the StatusUpdateRequest has no Status", at: document.element)
            return nil
        }
        guard let status = self.status(statusCursor) else { return nil }
        let statusElement = document.unreadChildNames.first { $0 != "Extrinsic" }
        var extensions = Extensions()
        decoded.root.finish(into: &extensions)
        return CXMLStatusUpdate(
            envelope: decoded.envelope, documentPayloadID: reference, status: status, statusElement: statusElement,
            extensions: extensions)
    }
}
