public import Foundation

/// Edits the tests make to a copy of the repository's `Mappings/` and looks they take at a workspace.
public enum TestMappings {
    /// Makes the ERP (`erp-orders`) send its purchase orders as cXML (DUNS 804417263) with the shared secret read
    /// from `secretFile`; with `copperleafToo`, Copperleaf's secret comes from the same file.
    public static func erpSendsCXML(in mappings: URL, secretFile: String, copperleafToo: Bool) throws {
        let erp = mappings.appending(path: "erp-orders/partner.yaml")
        let text = try String(contentsOf: erp, encoding: .utf8)
            .replacingOccurrences(
                of: "    applicationCode: \"804417263\"\n",
                with: """
                        applicationCode: "804417263"
                      cxml:
                        domain: DUNS
                        identity: "804417263"
                        sharedSecret:
                          file: \(secretFile)

                    """
            )
            .replacingOccurrences(
                of: "  purchaseOrder:\n    inbound:\n      format: json",
                with: "  purchaseOrder:\n    inbound:\n      format: cxml")
        try text.write(to: erp, atomically: true, encoding: .utf8)
        guard copperleafToo else { return }
        let copperleaf = mappings.appending(path: "copperleaf-office/partner.yaml")
        let supplier = try String(contentsOf: copperleaf, encoding: .utf8)
            .replacingOccurrences(of: "environment: PORTER_COPPERLEAF_SECRET", with: "file: \(secretFile)")
        try supplier.write(to: copperleaf, atomically: true, encoding: .utf8)
    }

    /// Regular files under `folder`, relative to it, sorted (none when it does not exist).
    public static func regularFiles(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var names: [String] = []
        while let name = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                names.append(name)
            }
        }
        return names.sorted()
    }
}
