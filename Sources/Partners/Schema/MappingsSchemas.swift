/// The closed schemas of the three kinds of `Mappings/` file.
///
/// Every key the loader reads is listed here; `MappingsSchemaWriter` turns these into the JSON Schema files of
/// `Mappings/schema/`, and a test keeps the published files equal to what it writes.
enum MappingsSchemas {
    static let version = required("version", .integer(minimum: 1), "The format version of this file: 1.")

    static let documentKinds = [
        "purchaseOrder", "orderAcknowledgment", "orderChange", "shipNotice", "functionalAcknowledgment",
    ]

    static let x12Settings = SchemaObject(
        "How X12 is written for or read from this partner.",
        [
            optional("version", .text(allowed: ["004010", "005010"]), "The X12 version (GS08): 004010 or 005010."),
            optional(
                "delimiters",
                .object(
                    SchemaObject(
                        "The delimiters of the interchanges written; each is one character.",
                        [
                            required("element", .text(pattern: "^.$"), "The element separator (ISA position 4)."),
                            optional("component", .text(pattern: "^.$"), "The component separator (ISA16)."),
                            optional(
                                "repetition", .text(pattern: "^.$"),
                                "The repetition separator (ISA11, 00402 and later)."),
                            required("segment", .text(pattern: "^.$"), "The segment terminator."),
                        ])),
                "Delimiters; the standard ones (* > ^ ~) when absent."),
            optional("lineEnding", .text(allowed: ["none", "lf", "crlf"]), "What follows each segment terminator."),
            optional("characterSet", .text(), "The character set (ASCII, ISO-8859-1, UTF-8, IBM037...)."),
            optional(
                "acknowledgment", .text(allowed: ["997", "999", "none"]),
                "The functional acknowledgment the partner sends or wants: 997, 999 or none."),
            optional("ta1", .boolean, "Whether a TA1 interchange acknowledgment is wanted (ISA14)."),
        ])

    static let cxmlSettings = SchemaObject(
        "How cXML is written for or read from this partner.",
        [
            optional("version", .text(pattern: "^1\\.2\\.[0-9]{3}$"), "The cXML version (its DTD's), such as 1.2.069."),
            optional(
                "unitStyle", .text(allowed: ["ariba", "current"]),
                "UN/CEFACT unit codes as Ariba lists them, or the current Recommendation 20 codes."),
        ])

    static let channel = SchemaObject(
        "How documents reach the partner (outbound) or arrive from it (inbound). Give one of outbox and http.",
        [
            optional(
                "outbox", .text(), "A folder, relative to the gateway's workspace, that documents are written to."),
            optional(
                "http",
                .object(
                    SchemaObject(
                        "HTTP POST of cXML.",
                        [
                            required("url", .text(pattern: "^https?://"), "The partner's cXML endpoint URL."),
                            optional("timeoutSeconds", .integer(minimum: 1), "How long to wait for the cXML Response."),
                        ])), "HTTP POST (cXML)."),
        ])

    static let exchange = SchemaObject(
        "One direction of one document type.",
        [
            required("format", .text(allowed: ["x12", "cxml", "json"]), "The format on the wire: x12, cxml or json."),
            optional("x12", .object(x12Settings), "X12 settings (format x12)."),
            optional("cxml", .object(cxmlSettings), "cXML settings (format cxml)."),
            optional("channel", .object(channel), "The delivery channel."),
            optional(
                "usage", .text(allowed: ["test", "production"]), "Test or production (ISA15, cXML deploymentMode)."),
        ])

    static let documentSettings = SchemaObject(
        "How one document type is exchanged with the partner.",
        [
            optional("inbound", .object(exchange), "Documents of this type the partner sends us."),
            optional("outbound", .object(exchange), "Documents of this type we send the partner."),
        ])

    static let keyedValue = SchemaObject(
        "A field and a value.",
        [
            required("field", .text(), "A field, such as references.internalVendorNumber or currency."),
            required("value", .text(), "The value."),
        ])

    static let partnerProfile = SchemaObject(
        "A trading partner profile: who the partner is and how it differs from the standard mappings.",
        [
            version,
            required("partner", .text(pattern: "^[a-z0-9][a-z0-9-]*$"), "The partner's id: the name of its folder."),
            required("name", .text(), "The partner's display name."),
            required(
                "role", .text(allowed: ["weBuyFromThem", "theyBuyFromUs", "internal"]),
                "Our role toward them: weBuyFromThem (a supplier), theyBuyFromUs (a customer) or internal."),
            optional(
                "identity",
                .object(
                    SchemaObject(
                        "How the partner is recognised.",
                        [
                            optional(
                                "x12",
                                .object(
                                    SchemaObject(
                                        "The partner's X12 interchange identity.",
                                        [
                                            required(
                                                "qualifier", .text(pattern: "^[A-Z0-9]{1,2}$"), "ISA05/ISA07 qualifier."
                                            ),
                                            required("id", .text(pattern: "^.{1,15}$"), "ISA06/ISA08 id."),
                                            optional("applicationCode", .text(), "GS02/GS03 application code."),
                                        ])), "X12 identity."),
                            optional(
                                "cxml",
                                .object(
                                    SchemaObject(
                                        "The partner's cXML credential.",
                                        [
                                            required("domain", .text(), "Credential domain (NetworkID, DUNS...)."),
                                            required("identity", .text(), "Credential identity."),
                                            optional(
                                                "sharedSecret",
                                                .object(
                                                    SchemaObject(
                                                        "Where the shared secret is read from; never the secret itself.",
                                                        [
                                                            optional(
                                                                "environment", .text(pattern: "^[A-Z_][A-Z0-9_]*$"),
                                                                "An environment variable."),
                                                            optional(
                                                                "file", .text(),
                                                                "A file, relative to the gateway's workspace."),
                                                        ])), "The shared secret's source."),
                                        ])), "cXML identity."),
                            optional(
                                "partyIds", .list(.text()),
                                "Identifiers by which orders name this partner (N1 vendor ids, line supplier ids)."),
                        ])), "Identities."),
            optional(
                "documents",
                .object(
                    SchemaObject(
                        "Per document type.",
                        documentKinds.map {
                            optional($0, .object(documentSettings), "How \($0) documents are exchanged.")
                        })),
                "Per document type: formats, versions, channels."),
            optional("codeLists", .list(.text()), "Code list files (codes/*.yaml), relative to the partner folder."),
            optional(
                "itemCrossReference", .text(),
                "A CSV file of buyerPart, vendorPart, gtin (and optional supplier) columns, relative to the partner folder."
            ),
            optional("priceList", .text(), "A CSV file of item and price columns, for the price rule."),
            optional(
                "blanketOrders", .text(),
                "A CSV file of blanketOrder, item and remaining columns, for the blanket rule."),
            optional(
                "defaults",
                .object(
                    SchemaObject(
                        "Fields the partner requires, omits or wants in its own way (outbound).",
                        [
                            optional(
                                "references",
                                .list(
                                    .object(
                                        SchemaObject(
                                            "A reference added when the order has none of its qualifier.",
                                            [
                                                required(
                                                    "qualifier", .text(),
                                                    "The reference qualifier (internalVendorNumber is REF*IA)."),
                                                required("value", .text(), "The value."),
                                            ]))), "References added when absent."),
                            optional("omitReferences", .list(.text()), "Reference qualifiers removed."),
                            optional(
                                "vendorPartAs", .text(),
                                "The item identifier kind the vendor part is sent as (vendorItem sends VN instead of VP)."
                            ),
                            optional(
                                "omitItemIdentifiers", .list(.text()), "Item identifier kinds removed from every line."),
                            optional("constants", .list(.object(keyedValue)), "Fields set to a constant value."),
                            optional(
                                "dateFormat", .text(allowed: ["CCYYMMDD", "YYMMDD"]),
                                "The date format the partner writes."),
                            optional(
                                "changes", .text(allowed: ["deltas", "restatement"]),
                                "How a change is sent: 860 deltas or a cXML full restatement."),
                        ])), "Defaults and overrides."),
            optional(
                "rules",
                .object(
                    SchemaObject(
                        "Accuracy rules checked before an order goes out; a failing rule holds the order.",
                        [
                            optional(
                                "requiredFields", .list(.text()),
                                "Fields every order must have (references.department, lines.items.upc...)."),
                            optional("allowedUnits", .list(.text()), "The only units of measure allowed on lines."),
                            optional(
                                "priceTolerancePercent", .number,
                                "How far a line price may be from the price list, in percent."),
                            optional(
                                "quantity",
                                .object(
                                    SchemaObject(
                                        "Quantity anomalies.",
                                        [
                                            optional("typical", .number, "A typical line quantity."),
                                            optional(
                                                "maximumTimesTypical", .number,
                                                "A line above this many times typical is held."),
                                            optional("hardCap", .number, "A line above this quantity is held."),
                                        ])), "Quantity anomaly thresholds."),
                            optional(
                                "blanketReleases", .boolean,
                                "Whether a release may not exceed its blanket's remaining quantity (blanketOrders)."),
                        ])), "Accuracy rules."),
            optional(
                "tracking",
                .object(
                    SchemaObject(
                        "How long the gateway waits for the partner's answers to an order, from its delivery.",
                        [
                            optional(
                                "acknowledgmentWithinHours", .number,
                                "Hours until a missing 997/999 raises an alert (default 2; 0: none expected)."),
                            optional(
                                "confirmationWithinHours", .number,
                                "Hours until a missing 855 or ConfirmationRequest raises an alert (default 24; 0: none expected)."
                            ),
                        ])), "Acknowledgment deadlines."),
        ])

    static let codeList = SchemaObject(
        "A code list: our names for codes and the partner's codes, in both directions.",
        [
            version,
            required(
                "list", .text(allowed: ["units", "itemQualifiers", "referenceQualifiers", "shipMethods"]),
                "What the codes are: units, itemQualifiers, referenceQualifiers or shipMethods."),
            optional(
                "deliberate", .boolean, "Set when the list deliberately maps two codes to one (losing the difference)."),
            required(
                "codes",
                .list(
                    .object(
                        SchemaObject(
                            "One pair.",
                            [
                                required(
                                    "ours", .text(),
                                    "Porter's name (each, vendorPart, department, motorCommonCarrier...)."),
                                required("theirs", .text(), "The partner's code."),
                                optional(
                                    "direction", .text(allowed: ["both", "inbound", "outbound"]),
                                    "Which way the pair is used; both by default."),
                            ]))), "The pairs."),
        ])

    static let routes = SchemaObject(
        "Who receives each document, and how an order for several suppliers is split.",
        [
            version,
            optional(
                "routes",
                .list(
                    .object(
                        SchemaObject(
                            "One recipient of a document type.",
                            [
                                required("document", .text(allowed: documentKinds), "The document type."),
                                required(
                                    "to", .text(), "namedSupplier (the supplier the order names) or a partner id."),
                                optional(
                                    "copy", .boolean,
                                    "An internal copy: the document as it is, in the recipient's format."),
                            ]))), "The routes."),
            optional(
                "split",
                .object(
                    SchemaObject(
                        "One order per supplier when lines belong to different suppliers.",
                        [
                            required(
                                "by", .text(allowed: ["itemCrossReference", "lineSupplier"]),
                                "How a line's supplier is found: the item cross-references, or a line party with role vendor or seller."
                            ),
                            required(
                                "numbering", .text(),
                                "The new order numbers: {number} (the original), {sequence} (1, 2...), {partner}."),
                        ])), "The PO split."),
        ])
}
