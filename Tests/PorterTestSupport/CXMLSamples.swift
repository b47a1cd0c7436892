public import Foundation

/// cXML documents written for the delivery and gateway tests.
public enum CXMLSamples {
    /// A cXML `Response` carrying `Status@code`, `Status@text` and, when given, a detail text.
    public static func response(code: Int, text: String, detail: String? = nil) -> String {
        let status =
            if let detail {
                "<Status code=\"\(code)\" text=\"\(text)\">\(detail)</Status>"
            } else {
                "<Status code=\"\(code)\" text=\"\(text)\"/>"
            }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd">
            <cXML payloadID="1709300000.1@partner.example" timestamp="2024-03-01T10:15:00-05:00" xml:lang="en-US">
              <Response>\(status)</Response>
            </cXML>
            """
    }

    /// A small `OrderRequest` whose `Sender` credential carries `secret` as its `SharedSecret`.
    public static func orderRequest(secret: String = "s3cr3t-Porter") -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd">
            <cXML payloadID="1709300000.2@porter.example" timestamp="2024-03-01T10:15:00-05:00" xml:lang="en-US">
              <Header>
                <From><Credential domain="NetworkID"><Identity>BUYER</Identity></Credential></From>
                <To><Credential domain="NetworkID"><Identity>SUPPLIER</Identity></Credential></To>
                <Sender>
                  <Credential domain="NetworkID"><Identity>BUYER</Identity><SharedSecret>\(secret)</SharedSecret></Credential>
                  <UserAgent>Porter</UserAgent>
                </Sender>
              </Header>
              <Request><OrderRequest><OrderRequestHeader orderID="PO-1" orderDate="2024-03-01" type="new">
                <Total><Money currency="USD">10.00</Money></Total>
              </OrderRequestHeader></OrderRequest></Request>
            </cXML>
            """.utf8)
    }
}
