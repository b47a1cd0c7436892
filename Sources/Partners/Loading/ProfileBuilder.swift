import Foundation
import Orders
import X12

/// Builds a ``PartnerProfile`` from a profile checked against its schema, loading the files it names and checking
/// what the schema alone cannot: names of fields, units and qualifiers, files that exist, settings that go together.
struct ProfileBuilder {
    let folder: String
    let folderPath: String
    let value: YAMLValue
    private(set) var findings: [MappingsFinding] = []

    init(folder: String, folderPath: String, value: YAMLValue) {
        self.folder = folder
        self.folderPath = folderPath
        self.value = value
    }

    private mutating func report(
        _ code: MappingsFinding.Code, _ message: String, at location: MappingsLocation, hint: String? = nil
    ) {
        self.findings.append(MappingsFinding(code, message, at: location, hint: hint))
    }

    mutating func build(codeListFiles: inout [String]) -> PartnerProfile {
        let value = self.value
        MappingsLoader.checkVersion(value, findings: &self.findings)
        let id = value.string("partner") ?? self.folder
        if id != self.folder {
            self.report(
                .invalidValue, "partner \"\(id)\" is in the folder \"\(self.folder)\"",
                at: value["partner"]?.location ?? value.location, hint: "the id must be the folder's name")
        }
        var profile = PartnerProfile(
            id: id, name: value.string("name") ?? id,
            role: value.string("role").flatMap(PartnerProfile.Role.init(rawValue:)) ?? .weBuyFromThem,
            location: MappingsLocation(file: "\(self.folderPath)/partner.yaml"))
        profile.identity = self.identity(value["identity"])
        if let documents = value["documents"] {
            for kind in BusinessDocument.Kind.allCases {
                guard let settings = documents[kind.rawValue] else { continue }
                profile.documents[kind] = DocumentExchange(
                    inbound: settings["inbound"].map { self.exchange($0, kind: kind) },
                    outbound: settings["outbound"].map { self.exchange($0, kind: kind) })
            }
        }
        for item in value["codeLists"]?.items ?? [] {
            guard let file = item.text else { continue }
            codeListFiles.append("\(self.folderPath)/\(file)")
            if let list = self.codeList(file, reference: item.location) { profile.codeLists.append(list) }
        }
        if let reference = value["itemCrossReference"], let file = reference.text {
            profile.itemCrossReference = self.crossReference(file, reference: reference.location)
        }
        if let reference = value["priceList"], let file = reference.text {
            profile.priceList = self.priceList(file, reference: reference.location)
        }
        if let reference = value["blanketOrders"], let file = reference.text {
            profile.blanketBalances = self.blanketOrders(file, reference: reference.location)
        }
        if let defaults = value["defaults"] { profile.defaults = self.defaults(defaults) }
        if let rules = value["rules"] { profile.rules = self.rules(rules, profile: profile) }
        if let tracking = value["tracking"] {
            profile.tracking = TrackingSettings(
                acknowledgmentWithin: tracking.string("acknowledgmentWithinHours").flatMap(Double.init).map {
                    $0 * 3600
                },
                confirmationWithin: tracking.string("confirmationWithinHours").flatMap(Double.init).map { $0 * 3600 })
        }
        return profile
    }

    private mutating func identity(_ value: YAMLValue?) -> PartnerIdentity {
        guard let value else { return PartnerIdentity() }
        var identity = PartnerIdentity(partyIDs: value.strings("partyIds"))
        if let x12 = value["x12"], let qualifier = x12.string("qualifier"), let id = x12.string("id") {
            identity.x12 = PartnerIdentity.X12(
                qualifier: qualifier, id: id, applicationCode: x12.string("applicationCode"))
        }
        if let cxml = value["cxml"], let domain = cxml.string("domain"), let name = cxml.string("identity") {
            var secret: PartnerIdentity.SecretSource?
            if let source = cxml["sharedSecret"] {
                switch (source.string("environment"), source.string("file")) {
                case (let variable?, nil): secret = .environment(variable)
                case (nil, let file?): secret = .file(file)
                default:
                    self.report(
                        .invalidValue, "`identity.cxml.sharedSecret` needs exactly one of environment and file",
                        at: source.location, hint: "the secret itself never goes in a profile")
                }
            }
            identity.cxml = PartnerIdentity.CXML(domain: domain, identity: name, sharedSecret: secret)
        }
        return identity
    }

    private mutating func exchange(_ value: YAMLValue, kind: BusinessDocument.Kind) -> ExchangeSettings {
        let format = value.string("format").flatMap(ExchangeSettings.Format.init(rawValue:)) ?? .x12
        var settings = ExchangeSettings(format: format)
        if value["x12"] != nil, format != .x12 {
            self.report(
                .invalidValue, "x12 settings on a \(format.rawValue) exchange", at: value.location(ofKey: "x12"),
                hint: "remove them or set format: x12")
        }
        if value["cxml"] != nil, format != .cxml {
            self.report(
                .invalidValue, "cxml settings on a \(format.rawValue) exchange", at: value.location(ofKey: "cxml"),
                hint: "remove them or set format: cxml")
        }
        if format == .cxml, kind == .functionalAcknowledgment {
            self.report(
                .invalidValue, "a functional acknowledgment has no cXML form",
                at: value["format"]?.location ?? value.location, hint: "cXML answers with a Response; use x12")
        }
        if let x12 = value["x12"] {
            settings.x12Version = x12.string("version")
            if let delimiters = x12["delimiters"], let element = delimiters.string("element")?.utf8.first,
                let segment = delimiters.string("segment")
            {
                let candidate = X12Delimiters(
                    element: element, component: delimiters.string("component")?.utf8.first,
                    repetition: delimiters.string("repetition")?.utf8.first, segment: Array(segment.utf8))
                if let problem = candidate.problem {
                    self.report(.invalidValue, "delimiters: \(problem)", at: delimiters.location)
                } else {
                    settings.delimiters = candidate
                }
            }
            settings.lineEnding = x12.string("lineEnding").flatMap(X12Writer.LineEnding.init(rawValue:)) ?? .lf
            settings.characterSet = x12.string("characterSet")
            if let acknowledgment = x12.string("acknowledgment") {
                settings.acknowledgment = acknowledgment == "none" ? nil : acknowledgment
            }
            settings.wantsTA1 = x12["ta1"]?.bool ?? false
        }
        if let cxml = value["cxml"] {
            settings.cxmlVersion = cxml.string("version")
            settings.cxmlUnitStyle = cxml.string("unitStyle")
        }
        if let channel = value["channel"] {
            switch (channel.string("outbox"), channel["http"]) {
            case (let folder?, nil): settings.channel = .outbox(folder)
            case (nil, let http?):
                if format != .cxml {
                    self.report(
                        .invalidValue, "HTTP delivery is for cXML", at: channel.location(ofKey: "http"),
                        hint: "use an outbox folder, or format: cxml")
                }
                settings.channel = .http(url: http.string("url") ?? "", timeoutSeconds: http["timeoutSeconds"]?.int)
            default:
                self.report(.invalidValue, "`channel` needs exactly one of outbox and http", at: channel.location)
            }
        }
        settings.isTest = value.string("usage") == "test"
        return settings
    }

    /// The path of `file` in the partner's folder; files may not leave it.
    private func path(_ file: String) -> String { "\(self.folderPath)/\(file)" }

    private mutating func codeList(_ file: String, reference: MappingsLocation) -> CodeList? {
        let path = self.path(file)
        guard let text = MappingsLoader.text(path) else {
            self.report(
                .missingFile, "code list \(file) does not exist", at: reference,
                hint: "paths are relative to \(self.folderPath)")
            return nil
        }
        if MappingsFileKind.kind(ofRelativePath: "\(self.folder)/\(file)") != .codeList {
            self.report(
                .invalidValue, "code list \(file) is not in the codes/ folder", at: reference,
                hint: "code lists are codes/NAME.yaml")
        }
        var reader = SchemaReader(file: path)
        let value = reader.read(text, as: MappingsSchemas.codeList)
        self.findings += reader.findings
        guard let value, let kind = value.string("list").flatMap(CodeList.Kind.init(rawValue:)) else { return nil }
        MappingsLoader.checkVersion(value, findings: &self.findings)
        let pairs = (value["codes"]?.items ?? []).compactMap { item -> CodeList.Pair? in
            guard let ours = item.string("ours"), let theirs = item.string("theirs") else { return nil }
            return CodeList.Pair(
                ours: ours, theirs: theirs,
                direction: item.string("direction").flatMap(CodeList.Direction.init(rawValue:)) ?? .both,
                location: item.location)
        }
        let list = CodeList(
            kind: kind, deliberate: value["deliberate"]?.bool ?? false, pairs: pairs,
            location: MappingsLocation(file: path))
        self.findings += list.problems()
        return list
    }

    private mutating func crossReference(_ file: String, reference: MappingsLocation) -> ItemCrossReference? {
        guard
            let csv = CSVFile.read(
                path: self.path(file), display: self.path(file), columns: ["buyerPart", "vendorPart", "gtin"],
                reference: reference, findings: &self.findings)
        else { return nil }
        var entries: [ItemCrossReference.Entry] = []
        var seen: [String: MappingsLocation] = [:]
        for row in csv.rows {
            let entry = ItemCrossReference.Entry(
                buyerPart: row.value("buyerPart"), vendorPart: row.value("vendorPart"), gtin: row.value("gtin"),
                supplier: row.value("supplier"), location: row.location)
            if entry.buyerPart == nil, entry.vendorPart == nil, entry.gtin == nil {
                self.report(.missingKey, "a row with no buyerPart, vendorPart or gtin", at: row.location)
                continue
            }
            // The same buyer part on two rows: which vendor part is meant?
            if let buyer = entry.buyerPart {
                if let earlier = seen[buyer] {
                    self.report(
                        .ambiguousCodeList, "buyer part \(buyer) is on two rows", at: row.location,
                        hint: "first at \(earlier); one buyer part names one item")
                } else {
                    seen[buyer] = row.location
                }
            }
            entries.append(entry)
        }
        return ItemCrossReference(entries: entries)
    }

    private mutating func priceList(_ file: String, reference: MappingsLocation) -> [String: DecimalNumber] {
        guard
            let csv = CSVFile.read(
                path: self.path(file), display: self.path(file), columns: ["item", "price"], reference: reference,
                findings: &self.findings)
        else { return [:] }
        var prices: [String: DecimalNumber] = [:]
        for row in csv.rows {
            guard let item = row.value("item"), let price = row.value("price").flatMap({ DecimalNumber($0) }) else {
                self.report(.wrongType, "a row needs an item and a price such as 12.50", at: row.location)
                continue
            }
            prices[item] = price
        }
        return prices
    }

    private mutating func blanketOrders(_ file: String, reference: MappingsLocation) -> [String: [String:
        DecimalNumber]]
    {
        guard
            let csv = CSVFile.read(
                path: self.path(file), display: self.path(file), columns: ["blanketOrder", "item", "remaining"],
                reference: reference, findings: &self.findings)
        else { return [:] }
        var balances: [String: [String: DecimalNumber]] = [:]
        for row in csv.rows {
            guard let blanket = row.value("blanketOrder"), let item = row.value("item"),
                let remaining = row.value("remaining").flatMap({ DecimalNumber($0) })
            else {
                self.report(
                    .wrongType, "a row needs a blanketOrder, an item and a remaining quantity", at: row.location)
                continue
            }
            balances[blanket, default: [:]][item] = remaining
        }
        return balances
    }

    /// A coded name Porter knows, or a finding with the closest name.
    private mutating func named<Value: CodedValue>(_ value: YAMLValue, _: Value.Type, what: String) -> Value? {
        guard let text = value.text else { return nil }
        let coded = Value(rawValue: text)
        if coded.isNamed { return coded }
        self.report(
            .unknownField, "\"\(text)\" is not \(what) Porter knows", at: value.location,
            hint: DidYouMean.hint(for: text, in: Value.namedValues.map(\.rawValue)))
        return nil
    }

    private mutating func field(_ value: YAMLValue) -> DocumentField? {
        guard let text = value.text else { return nil }
        if let field = DocumentField(name: text) { return field }
        self.report(
            .unknownField, "no field \"\(text)\"", at: value.location,
            hint: DidYouMean.hint(for: text, in: DocumentField.allNames))
        return nil
    }

    private mutating func defaults(_ value: YAMLValue) -> PartnerDefaults {
        var defaults = PartnerDefaults()
        for item in value["references"]?.items ?? [] {
            guard let qualifierValue = item["qualifier"],
                let qualifier = self.named(qualifierValue, ReferenceQualifier.self, what: "a reference qualifier"),
                let text = item.string("value")
            else { continue }
            defaults.references.append(Reference(qualifier, text))
        }
        defaults.omitReferences = (value["omitReferences"]?.items ?? []).compactMap {
            self.named($0, ReferenceQualifier.self, what: "a reference qualifier")
        }
        if let kind = value["vendorPartAs"] {
            defaults.vendorPartAs = self.named(kind, ItemIdentifierKind.self, what: "an item identifier kind")
        }
        defaults.omitItemIdentifiers = (value["omitItemIdentifiers"]?.items ?? []).compactMap {
            self.named($0, ItemIdentifierKind.self, what: "an item identifier kind")
        }
        for item in value["constants"]?.items ?? [] {
            guard let fieldValue = item["field"], let field = self.field(fieldValue), let text = item.string("value")
            else {
                continue
            }
            if !field.isSettable {
                self.report(
                    .unknownField, "\(field) cannot be set to a constant", at: fieldValue.location,
                    hint: "constants can set currency, contractNumber and references.QUALIFIER")
                continue
            }
            defaults.constants.append(PartnerDefaults.Constant(field: field, value: text))
        }
        defaults.dateFormat = value.string("dateFormat")
        defaults.changes = value.string("changes").flatMap(PartnerDefaults.ChangeStyle.init(rawValue:))
        return defaults
    }

    private mutating func rules(_ value: YAMLValue, profile: PartnerProfile) -> AccuracyRules {
        var rules = AccuracyRules()
        rules.requiredFields = (value["requiredFields"]?.items ?? []).compactMap { self.field($0) }
        rules.allowedUnits = (value["allowedUnits"]?.items ?? []).compactMap {
            self.named($0, UnitOfMeasure.self, what: "a unit")
        }
        rules.locations[.requiredField] = value.location(ofKey: "requiredFields")
        rules.locations[.allowedUnits] = value.location(ofKey: "allowedUnits")
        if let tolerance = value["priceTolerancePercent"] {
            rules.priceTolerancePercent = tolerance.text.flatMap { Decimal(string: $0) }
            rules.locations[.price] = tolerance.location
            if self.value["priceList"] == nil {
                self.report(
                    .missingKey, "a price rule needs a priceList", at: tolerance.location,
                    hint: "add priceList: prices.csv")
            }
        }
        if let quantity = value["quantity"] {
            rules.typicalQuantity = quantity.string("typical").flatMap { Decimal(string: $0) }
            rules.maximumTimesTypical = quantity.string("maximumTimesTypical").flatMap { Decimal(string: $0) }
            rules.hardCap = quantity.string("hardCap").flatMap { Decimal(string: $0) }
            rules.locations[.quantity] = quantity.location
            if (rules.typicalQuantity == nil) != (rules.maximumTimesTypical == nil) {
                self.report(
                    .missingKey, "`rules.quantity` needs both typical and maximumTimesTypical, or neither",
                    at: quantity.location)
            }
        }
        if let blanket = value["blanketReleases"] {
            rules.blanketReleases = blanket.bool ?? false
            rules.locations[.blanketRelease] = blanket.location
            if rules.blanketReleases, self.value["blanketOrders"] == nil {
                self.report(
                    .missingKey, "the blanket-release rule needs blanketOrders", at: blanket.location,
                    hint: "add blanketOrders: blankets.csv")
            }
        }
        return rules
    }
}
