import Orders

/// The cXML values of the code lists the cXML codecs map, each paired with the name Porter gives it (DOMAIN.md §9).
enum CXMLCodes {
    /// `OrderRequestHeader@type`.
    static let orderRequestType = CXMLCodeList<Purpose>(
        [("new", .original), ("update", .replace), ("delete", .delete)],
        approximations: [
            (.change, "update"), (.cancellation, "delete"), (.confirmation, "new"), (.duplicate, "new"),
            (.originalNoResponse, "new"), (.reissue, "new"), (.informationCopy, "new"), (.add, "update"),
            (.sellerInitiatedChange, "update"), (.status, "new"),
        ])
    static let orderRequestTypes = ["new", "update", "delete"]

    /// `ConfirmationHeader@operation`.
    static let confirmationOperation = CXMLCodeList<Purpose>(
        [("new", .original), ("update", .replace)],
        approximations: [(.change, "update"), (.duplicate, "new"), (.reissue, "new"), (.confirmation, "new")])
    static let confirmationOperations = ["new", "update"]

    /// `ShipNoticeHeader@operation`.
    static let shipNoticeOperation = CXMLCodeList<Purpose>(
        [("new", .original), ("update", .replace), ("delete", .delete)],
        approximations: [(.change, "update"), (.cancellation, "delete"), (.duplicate, "new"), (.reissue, "new")])
    static let shipNoticeOperations = ["new", "update", "delete"]

    /// `OrderRequestHeader@orderType` (absent means `regular`).
    static let orderType = CXMLCodeList<OrderType>(
        [("regular", .standAlone), ("blanket", .blanket), ("release", .release)],
        approximations: [
            (.newOrder, "regular"), (.purchaseOrder, "regular"), (.blanketEstimated, "blanket"),
            (.blanketAgreement, "blanket"),
        ])
    static let orderTypes = ["release", "regular", "blanket", "stockTransport", "stockTransportRelease"]

    /// `ConfirmationHeader@type`.
    static let acknowledgmentType = CXMLCodeList<AcknowledgmentType>(
        [
            ("accept", .accepted), ("allDetail", .acceptedWithDetail), ("detail", .acceptedWithChanges),
            ("backordered", .backordered), ("except", .acceptedWithExceptions), ("reject", .rejected),
        ],
        approximations: [
            (.acceptedNoDetail, "accept"), (.noAcknowledgmentNeeded, "accept"), (.onHold, "detail"),
            (.rejectedWithDetail, "reject"), (.rejectedWithExceptions, "reject"), (.rejectedNotAsAgreed, "reject"),
            (.rejectedWithCounterOffer, "reject"), (.rejectedViolatesIndustryPractices, "reject"),
        ])
    static let acknowledgmentTypes = [
        "accept", "allDetail", "detail", "backordered", "except", "reject", "requestToPay", "replace",
    ]

    /// `ConfirmationStatus@type`.
    static let itemStatus = CXMLCodeList<ItemStatusCode>(
        [
            ("accept", .accepted), ("detail", .acceptedWithChanges), ("backordered", .backordered),
            ("reject", .rejected), ("unknown", .unknown),
        ],
        approximations: [
            (.acceptedAndShipped, "accept"), (.acceptedAndReleased, "accept"),
            (.forwardedToAlternateLocation, "accept"), (.quantityChanged, "detail"), (.priceChanged, "detail"),
            (.dateRescheduled, "detail"), (.pricePending, "detail"), (.scheduleDatePending, "detail"),
            (.substituted, "detail"), (.partialShipmentBalanceBackordered, "backordered"), (.onHold, "unknown"),
            (.onHoldIncompleteDescription, "unknown"), (.onHoldWaiverRequired, "unknown"), (.deleted, "reject"),
            (.rejectedNotContractItem, "reject"), (.rejectedInvalidItemNumber, "reject"),
            (.rejectedInvalidUnit, "reject"), (.rejectedContractItemUnavailable, "reject"),
            (.rejectedReorderJustInTime, "reject"), (.rejectedReorderExtendedDelivery, "reject"),
            (.rejectedReorderDropShipment, "reject"), (.rejectedReorderSurge, "reject"),
        ])
    static let itemStatuses = ["accept", "allDetail", "detail", "backordered", "reject", "unknown", "requestToPay"]

    /// `Contact@role` for parties (DOMAIN.md §9.6); a role not listed is Porter's name, or the role as sent.
    static let partyRole = CXMLCodeList<PartyRole>([
        ("buyer", .buyer), ("supplierAccount", .seller), ("supplierCorporate", .supplier), ("shipTo", .shipTo),
        ("billTo", .billTo), ("soldTo", .soldTo), ("shipFrom", .shipFrom), ("remitTo", .remitTo),
        ("endUser", .endUser), ("issuerOfInvoice", .issuerOfInvoice), ("carrierCorporate", .carrier),
    ])

    /// `Contact@role` for people (contacts, not parties): X12 `PER` functions.
    static let contactFunction = CXMLCodeList<ContactFunction>([
        ("purchasingAgent", .buyer), ("sales", .salesRepresentative), ("customerService", .information),
        ("general", .general), ("delivery", .delivery), ("order", .order), ("receiving", .receiving),
    ])

    /// `Address@addressIDDomain` (DOMAIN.md §9.5; `buyerLocationID` for identifiers the buyer assigned).
    static let addressIDDomain = CXMLCodeList<PartyIdentifierQualifier>([
        ("DUNS", .duns), ("DUNS+4", .dunsPlusFour), ("SCAC", .scac), ("IATA", .iata), ("GLN", .gln),
        ("ILN", .gln), ("buyerLocationID", .buyerAssigned), ("supplierLocationID", .sellerAssigned),
        ("SAN", .san),
    ])

    /// `CarrierIdentifier@domain` (`companyName` is the carrier's name).
    static let carrierDomain = CXMLCodeList<PartyIdentifierQualifier>([
        ("SCAC", .scac), ("DUNS", .duns), ("IATA", .iata), ("EAN", .gln),
    ])

    /// `Route@method`.
    static let transportMethod = CXMLCodeList<TransportMethod>(
        [("air", .air), ("motor", .motor), ("rail", .rail), ("ship", .ocean)],
        approximations: [
            (.airExpress, "air"), (.motorCommonCarrier, "motor"), (.lessThanTruckload, "motor"),
            (.privateParcel, "custom"), (.bestWay, "unknown"), (.customerPickup, "custom"),
        ])
    static let transportMethods = [
        "air", "motor", "rail", "ship", "mail", "multimodal", "fixedTransport", "inlandWater", "unknown", "custom",
    ]

    /// `ServiceLevel` text (Ariba's TD512 lookup wording).
    static let serviceLevel = CXMLCodeList<ServiceLevel>([
        ("Next Day Air", .nextDayAir), ("Second Day Air", .secondDayAir), ("Three Day", .threeDay),
        ("Ground", .ground), ("Standard Ground", .standardGround), ("Overnight", .overnight),
        ("Saturday", .saturday), ("Standard", .standard),
    ])

    /// `ShippingPaymentMethod@value` (Ariba's FOB01 lookup); others are written as `Other` with Porter's name.
    static let shipmentPaymentMethod = CXMLCodeList<ShipmentPaymentMethod>([
        ("Prepaid-BySeller", .prepaid), ("Collect", .collect),
    ])

    /// `Dimension@type` for the measures of a pack.
    static let dimensionTypes = [
        "length", "width", "height", "weight", "volume", "stackHeight", "grossWeight", "grossVolume",
        "unitGrossWeight", "unitNetWeight",
    ]
}
