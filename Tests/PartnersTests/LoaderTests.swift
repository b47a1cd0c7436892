import Foundation
import Orders
import Testing

@testable import Partners

/// Each class of problem `porter mappings check` reports, with its file, line and column.
@Suite struct LoaderTests {
    func load(_ folder: MappingsFolder) throws -> MappingsCatalog { try MappingsLoader(directory: folder.path).load() }

    func only(_ catalog: MappingsCatalog, _ code: MappingsFinding.Code) throws -> MappingsFinding {
        let found = catalog.findings.filter { $0.code == code }
        #expect(found.count == 1, "\(catalog.findings)")
        return try #require(found.first)
    }

    @Test func theExamplesLoadWithoutProblems() throws {
        let catalog = try MappingsLoader(directory: MappingsFolder.examples).load()
        #expect(catalog.findings.isEmpty, "\(catalog.findings)")
        #expect(
            catalog.profiles.keys.sorted() == [
                "copperleaf-office", "erp-orders", "finance-ledger", "ironbridge-fastener", "tidewater-kitchenworks",
            ])
        let ironbridge = try #require(catalog.profiles["ironbridge-fastener"])
        #expect(ironbridge.codeLists.first?.deliberate == true)
        #expect(ironbridge.itemCrossReference?.entries.count == 3)
        #expect(ironbridge.priceList["IFS-TDS-M12"] == "62.00")
        #expect(ironbridge.documents[.purchaseOrder]?.outbound.map { "\($0.lineEnding)" } == "crlf")
        let copperleaf = try #require(catalog.profiles["copperleaf-office"])
        #expect(copperleaf.identity.cxml?.sharedSecret == .environment("PORTER_COPPERLEAF_SECRET"))
        #expect(
            copperleaf.documents[.purchaseOrder]?.outbound?.channel
                == .http(url: "https://punchout.copperleaf.example/cxml/orders", timeoutSeconds: 30))
        #expect(catalog.routing?.split?.method == .itemCrossReference)
    }

    @Test func unknownKeyWithDidYouMean() throws {
        let profile = MappingsFolder.profile("acme", extra: "documnets:\n  purchaseOrder: {}\n")
        try MappingsFolder.with(["acme/partner.yaml": profile]) { folder in
            let finding = try only(try load(folder), .unknownKey)
            #expect(finding.location.file.hasSuffix("acme/partner.yaml"))
            #expect((finding.location.line, finding.location.column) == (7, 1))
            #expect(finding.hint == "did you mean \"documents\"?")
        }
    }

    @Test func unknownKeyDeepInside() throws {
        let profile = MappingsFolder.profile(
            "acme",
            extra: "documents:\n  purchaseOrder:\n    outbound:\n      format: x12\n      chanel: { outbox: out }\n")
        try MappingsFolder.with(["acme/partner.yaml": profile]) { folder in
            let finding = try only(try load(folder), .unknownKey)
            #expect((finding.location.line, finding.location.column) == (11, 7))
            #expect(finding.message.contains("documents.purchaseOrder.outbound"))
            #expect(finding.hint == "did you mean \"channel\"?")
        }
    }

    @Test func wrongType() throws {
        let profile = MappingsFolder.profile("acme", extra: "codeLists: codes/units.yaml\n")
        try MappingsFolder.with(["acme/partner.yaml": profile]) { folder in
            let finding = try only(try load(folder), .wrongType)
            #expect((finding.location.line, finding.location.column) == (7, 12))
            #expect(finding.message.contains("must be a list"))
        }
    }

    @Test func invalidValueAndMissingKey() throws {
        let profile = "version: 1\npartner: acme\nrole: weSellToThem\n"
        try MappingsFolder.with(["acme/partner.yaml": profile]) { folder in
            let catalog = try load(folder)
            let invalid = try only(catalog, .invalidValue)
            #expect((invalid.location.line, invalid.location.column) == (3, 7))
            #expect(invalid.hint?.contains("theyBuyFromUs") == true)
            let missing = try only(catalog, .missingKey)
            #expect(missing.message.contains("`name`"))
            #expect((missing.location.line, missing.location.column) == (1, 1))
        }
    }

    @Test func missingReferencedFile() throws {
        let profile = MappingsFolder.profile("acme", extra: "itemCrossReference: items.csv\n")
        try MappingsFolder.with(["acme/partner.yaml": profile]) { folder in
            let finding = try only(try load(folder), .missingFile)
            #expect((finding.location.line, finding.location.column) == (7, 21))
            #expect(finding.message.contains("items.csv"))
        }
    }

    @Test func duplicateIdentityAcrossPartners() throws {
        try MappingsFolder.with([
            "acme/partner.yaml": MappingsFolder.profile("acme", x12: "ZZ:ACME"),
            "bolt/partner.yaml": MappingsFolder.profile("bolt", x12: "ZZ:ACME"),
        ]) { folder in
            let finding = try only(try load(folder), .duplicateIdentity)
            #expect(finding.location.file.hasSuffix("bolt/partner.yaml"))
            #expect((finding.location.line, finding.location.column) == (6, 8))
            #expect(finding.hint?.contains("acme/partner.yaml:6:8") == true)
        }
    }

    @Test func codeListThatLosesInformation() throws {
        let list = """
            version: 1
            list: units
            codes:
              - { ours: each, theirs: PCE }
              - { ours: piece, theirs: PCE }
            """
        try MappingsFolder.with([
            "acme/partner.yaml": MappingsFolder.profile("acme", extra: "codeLists: [codes/units.yaml]\n"),
            "acme/codes/units.yaml": list,
        ]) { folder in
            let catalog = try load(folder)
            let lossy = try only(catalog, .lossyCodeList)
            #expect(lossy.location.file.hasSuffix("acme/codes/units.yaml"))
            #expect((lossy.location.line, lossy.location.column) == (5, 5))
            #expect(lossy.hint?.contains("deliberate: true") == true)
            // Inbound, PCE would mean both each and piece.
            let ambiguous = try only(catalog, .ambiguousCodeList)
            #expect((ambiguous.location.line, ambiguous.location.column) == (5, 5))
        }
        let fixed = """
            version: 1
            list: units
            deliberate: true
            codes:
              - { ours: each, theirs: PCE }
              - { ours: piece, theirs: PCE, direction: outbound }
            """
        try MappingsFolder.with([
            "acme/partner.yaml": MappingsFolder.profile("acme", extra: "codeLists: [codes/units.yaml]\n"),
            "acme/codes/units.yaml": fixed,
        ]) { folder in
            let catalog = try load(folder)
            #expect(catalog.findings.isEmpty)
        }
    }

    @Test func routeToUnknownPartner() throws {
        let routes = "version: 1\nroutes:\n  - document: purchaseOrder\n    to: acmee\n"
        try MappingsFolder.with(["acme/partner.yaml": MappingsFolder.profile("acme"), "routes.yaml": routes]) {
            folder in
            let finding = try only(try load(folder), .unknownPartner)
            #expect((finding.location.line, finding.location.column) == (4, 9))
            #expect(finding.hint == "did you mean \"acme\"?")
        }
    }

    @Test func ruleOnUnknownField() throws {
        let profile = MappingsFolder.profile("acme", extra: "rules:\n  requiredFields: [references.departmnet]\n")
        try MappingsFolder.with(["acme/partner.yaml": profile]) { folder in
            let finding = try only(try load(folder), .unknownField)
            #expect((finding.location.line, finding.location.column) == (8, 20))
            #expect(finding.hint == "did you mean \"references.department\"?")
        }
    }

    @Test func yamlSyntaxErrorIsLocated() throws {
        try MappingsFolder.with(["acme/partner.yaml": "version: 1\npartner: [acme\n"]) { folder in
            let finding = try only(try load(folder), .unreadableFile)
            #expect(finding.location.line >= 2)
        }
    }

    @Test func aMissingFolderCannotBeLoaded() {
        #expect(throws: PartnersError.self) { try MappingsLoader(directory: "/nonexistent/mappings").load() }
    }
}
