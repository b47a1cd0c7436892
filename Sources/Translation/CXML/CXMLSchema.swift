import CXML

/// What the cXML 1.2.069 DTDs (`cXML.dtd`, `Fulfill.dtd`) declare for the elements Porter reads and writes: each
/// element's possible children in the order its content model gives them, its attributes and the required ones.
///
/// The decoders use it to report attributes and elements the DTD does not know (warnings: reading is lenient); the
/// encoders use it to write what `extensions` kept at the place the content model wants it and to leave out what
/// the DTD would refuse (writing is strict). Transcribed from the DTDs' `<!ELEMENT>` and `<!ATTLIST>` declarations
/// (parameter entities expanded, choices and repetitions flattened to first-appearance order); `Request`,
/// `Response` and `Message` hold the union of both DTDs' alternatives.
enum CXMLSchema {
    /// One element's declaration.
    struct Rule: Sendable {
        /// The child elements the content model names, in order; `nil` for `ANY`.
        var children: [String]?
        /// The attributes the `ATTLIST` declares.
        var attributes: [String]
        /// The `#REQUIRED` attributes.
        var required: [String]
    }

    /// The declarations by element name.
    static let rules: [String: Rule] = [
        "cXML": Rule(
            children: ["Header", "Message", "Request", "Response", "ds:Signature"],
            attributes: ["version", "payloadID", "timestamp", "signatureVersion", "xml:lang"],
            required: ["payloadID", "timestamp"]),
        "Header": Rule(children: ["From", "To", "Sender", "Path", "OriginalDocument"], attributes: [], required: []),
        "From": Rule(children: ["Credential", "Correspondent"], attributes: [], required: []),
        "To": Rule(children: ["Credential", "Correspondent"], attributes: [], required: []),
        "Sender": Rule(children: ["Credential", "UserAgent"], attributes: [], required: []),
        "Credential": Rule(
            children: ["Identity", "SharedSecret", "DigitalSignature", "CredentialMac"],
            attributes: ["domain", "type"], required: ["domain"]),
        "Request": Rule(
            children: [
                "ProfileRequest", "OrderRequest", "MasterAgreementRequest", "PurchaseRequisitionRequest",
                "PunchOutSetupRequest", "ProviderSetupRequest", "StatusUpdateRequest", "GetPendingRequest",
                "SubscriptionListRequest", "SubscriptionContentRequest", "SupplierListRequest", "SupplierDataRequest",
                "SubscriptionStatusUpdateRequest", "CopyRequest", "CatalogUploadRequest", "AuthRequest", "DataRequest",
                "OrganizationDataRequest", "ApprovalRequest", "QualityNotificationRequest", "QualityInspectionRequest",
                "QualityInspectionResultRequest", "QualityInspectionDecisionRequest", "ConfirmationRequest",
                "ShipNoticeRequest", "ServiceEntryRequest", "SalesOrderRequest", "TimeCardInfoRequest",
                "ReceiptRequest", "OrderStatusRequest", "TimeCardRequest", "ComponentConsumptionRequest",
            ], attributes: ["deploymentMode", "Id"], required: []),
        "Response": Rule(
            children: [
                "Status", "ProfileResponse", "PunchOutSetupResponse", "ProviderSetupResponse", "GetPendingResponse",
                "SubscriptionListResponse", "SubscriptionContentResponse", "SupplierListResponse",
                "SupplierDataResponse", "AuthResponse", "DataResponse", "OrganizationDataResponse",
            ], attributes: ["Id"], required: []),
        "Status": Rule(children: [], attributes: ["code", "text", "xml:lang"], required: ["code", "text"]),
        "OrderRequest": Rule(children: ["OrderRequestHeader", "ItemOut"], attributes: [], required: []),
        "OrderRequestHeader": Rule(
            children: [
                "Total", "ShipTo", "BillTo", "BusinessPartner", "LegalEntity", "OrganizationalUnit", "Shipping", "Tax",
                "Payment", "PaymentTerm", "Contact", "Comments", "Followup", "ControlKeys", "DocumentReference",
                "SupplierOrderInfo", "TermsOfDelivery", "DeliveryPeriod", "IdReference", "OrderRequestHeaderIndustry",
                "Extrinsic",
            ],
            attributes: [
                "orderID", "orderDate", "orderType", "releaseRequired", "type", "orderVersion", "isInternalVersion",
                "parentAgreementID", "parentAgreementPayloadID", "effectiveDate", "expirationDate", "agreementID",
                "agreementPayloadID", "requisitionID", "shipComplete", "pickUpDate", "requestedDeliveryDate",
                "isSTOOutbound",
            ], required: ["orderID", "orderDate"]),
        "Total": Rule(children: ["Money", "Modifications"], attributes: [], required: []),
        "Money": Rule(
            children: [], attributes: ["currency", "alternateAmount", "alternateCurrency"], required: ["currency"]),
        "ShipTo": Rule(
            children: ["Address", "CarrierIdentifier", "TransportInformation", "IdReference"], attributes: [],
            required: []),
        "BillTo": Rule(children: ["Address", "IdReference"], attributes: [], required: []),
        "Address": Rule(
            children: ["Name", "PostalAddress", "Email", "Phone", "Fax", "URL"],
            attributes: ["isoCountryCode", "addressID", "addressIDDomain"], required: []),
        "PostalAddress": Rule(
            children: ["DeliverTo", "Street", "City", "Municipality", "State", "PostalCode", "Country", "Extrinsic"],
            attributes: ["name"], required: []),
        "Name": Rule(children: [], attributes: ["xml:lang"], required: ["xml:lang"]),
        "DeliverTo": Rule(children: [], attributes: [], required: []),
        "Street": Rule(children: [], attributes: [], required: []),
        "City": Rule(children: [], attributes: ["cityCode"], required: []),
        "State": Rule(children: [], attributes: ["isoStateCode"], required: []),
        "PostalCode": Rule(children: [], attributes: [], required: []),
        "Country": Rule(children: [], attributes: ["isoCountryCode"], required: ["isoCountryCode"]),
        "Municipality": Rule(children: [], attributes: ["municipalityCode"], required: []),
        "Phone": Rule(children: ["TelephoneNumber"], attributes: ["name"], required: []),
        "TelephoneNumber": Rule(
            children: ["CountryCode", "AreaOrCityCode", "Number", "Extension"], attributes: [], required: []),
        "CountryCode": Rule(children: [], attributes: ["isoCountryCode"], required: ["isoCountryCode"]),
        "AreaOrCityCode": Rule(children: [], attributes: [], required: []),
        "Number": Rule(children: [], attributes: [], required: []),
        "Extension": Rule(children: [], attributes: [], required: []),
        "Email": Rule(children: [], attributes: ["name", "preferredLang"], required: []),
        "Fax": Rule(children: ["TelephoneNumber", "URL", "Email"], attributes: ["name"], required: []),
        "URL": Rule(children: [], attributes: ["name"], required: []),
        "Contact": Rule(
            children: ["Name", "PostalAddress", "Email", "Phone", "Fax", "URL", "IdReference", "Extrinsic"],
            attributes: ["role", "addressID", "addressIDDomain"], required: []),
        "Comments": Rule(children: ["Attachment"], attributes: ["xml:lang", "type"], required: []),
        "Extrinsic": Rule(children: nil, attributes: ["name"], required: ["name"]),
        "Shipping": Rule(
            children: ["Money", "Description", "Modifications"],
            attributes: ["trackingDomain", "trackingId", "tracking"], required: []),
        "Tax": Rule(
            children: ["Money", "TaxAdjustmentAmount", "Description", "TaxDetail", "Distribution", "Extrinsic"],
            attributes: [], required: []),
        "Description": Rule(children: ["ShortName"], attributes: ["xml:lang", "type"], required: ["xml:lang"]),
        "Payment": Rule(children: ["PCard"], attributes: [], required: []),
        "PCard": Rule(
            children: ["PostalAddress"], attributes: ["number", "expiration", "name"],
            required: ["number", "expiration"]),
        "PaymentTerm": Rule(
            children: ["Discount", "Extrinsic"], attributes: ["payInNumberOfDays"], required: ["payInNumberOfDays"]),
        "Discount": Rule(children: ["DiscountPercent", "DiscountAmount"], attributes: [], required: []),
        "DiscountPercent": Rule(children: [], attributes: ["percent"], required: ["percent"]),
        "DiscountAmount": Rule(children: ["Money"], attributes: [], required: []),
        "DocumentReference": Rule(children: [], attributes: ["payloadID"], required: ["payloadID"]),
        "TermsOfDelivery": Rule(
            children: ["TermsOfDeliveryCode", "ShippingPaymentMethod", "TransportTerms", "Address", "Comments"],
            attributes: [], required: []),
        "TermsOfDeliveryCode": Rule(children: [], attributes: ["value"], required: ["value"]),
        "ShippingPaymentMethod": Rule(children: [], attributes: ["value"], required: ["value"]),
        "TransportTerms": Rule(children: [], attributes: ["value"], required: ["value"]),
        "DeliveryPeriod": Rule(children: ["Period"], attributes: [], required: []),
        "Period": Rule(children: [], attributes: ["startDate", "endDate"], required: ["startDate", "endDate"]),
        "IdReference": Rule(
            children: ["Creator", "Description"], attributes: ["identifier", "domain"],
            required: ["identifier", "domain"]),
        "ItemOut": Rule(
            children: [
                "ItemID", "Path", "ItemDetail", "BlanketItemDetail", "SupplierID", "SupplierList", "ShipTo", "Shipping",
                "Tax", "SpendDetail", "Distribution", "Contact", "TermsOfDelivery", "Comments", "Indicator",
                "Tolerances", "ControlKeys", "ScheduleLine", "MasterAgreementReference", "MasterAgreementIDInfo",
                "ItemOutIndustry", "Packaging", "ReleaseInfo", "Batch",
            ],
            attributes: [
                "quantity", "lineNumber", "requisitionID", "agreementItemNumber", "requestedDeliveryDate", "isAdHoc",
                "parentLineNumber", "itemType", "requiresServiceEntry", "confirmationDueDate", "compositeItemType",
                "itemClassification", "itemCategory", "subcontractingType", "stockTransferType",
                "requestedShipmentDate", "isReturn", "returnAuthorizationNumber", "isDeliveryCompleted",
                "unlimitedDelivery", "isItemChanged", "isKanban", "stoDelivery", "stoOrderCombination",
                "stoFinalDelivery", "operation",
            ], required: ["quantity"]),
        "ItemID": Rule(
            children: ["SupplierPartID", "SupplierPartAuxiliaryID", "BuyerPartID", "IdReference"], attributes: [],
            required: []),
        "SupplierPartID": Rule(children: [], attributes: ["revisionID"], required: []),
        "SupplierPartAuxiliaryID": Rule(children: nil, attributes: [], required: []),
        "BuyerPartID": Rule(children: [], attributes: [], required: []),
        "ItemDetail": Rule(
            children: [
                "UnitPrice", "Description", "OverallLimit", "ExpectedLimit", "UnitOfMeasure", "PriceBasisQuantity",
                "Classification", "ManufacturerPartID", "ManufacturerName", "URL", "LeadTime", "Dimension",
                "ItemDetailIndustry", "AttachmentReference", "PlannedAcceptanceDays", "Extrinsic",
            ], attributes: [], required: []),
        "UnitPrice": Rule(children: ["Money", "Modifications", "PricingConditions"], attributes: [], required: []),
        "UnitOfMeasure": Rule(children: [], attributes: [], required: []),
        "Classification": Rule(children: [], attributes: ["domain", "code"], required: ["domain"]),
        "ManufacturerPartID": Rule(children: [], attributes: [], required: []),
        "ManufacturerName": Rule(children: [], attributes: ["xml:lang"], required: []),
        "ScheduleLine": Rule(
            children: [
                "UnitOfMeasure", "ScheduleLineReleaseInfo", "SubcontractingComponent", "ShipTo", "ScheduleLineIndustry",
                "Extrinsic",
            ],
            attributes: [
                "quantity", "requestedDeliveryDate", "lineNumber", "deliveryWindow", "requestedShipmentDate",
                "originalRequestedDeliveryDate", "type",
            ], required: ["quantity", "requestedDeliveryDate"]),
        "ConfirmationRequest": Rule(
            children: [
                "ConfirmationHeader", "OrderReference", "OrderStatusRequestReference", "OrderStatusRequestIDInfo",
                "ConfirmationItem",
            ], attributes: [], required: []),
        "ConfirmationHeader": Rule(
            children: [
                "DocumentReference", "Total", "Shipping", "Tax", "Contact", "Hazard", "Comments", "IdReference",
                "Extrinsic",
            ], attributes: ["confirmID", "operation", "type", "noticeDate", "invoiceID", "incoTerms", "version"],
            required: ["type", "noticeDate"]),
        "OrderReference": Rule(children: ["DocumentReference"], attributes: ["orderID", "orderDate"], required: []),
        "ConfirmationItem": Rule(
            children: ["UnitOfMeasure", "Contact", "Hazard", "ConfirmationStatus"],
            attributes: ["quantity", "lineNumber", "parentLineNumber", "itemType", "compositeItemType"],
            required: ["quantity", "lineNumber"]),
        "ConfirmationStatus": Rule(
            children: [
                "UnitOfMeasure", "ItemIn", "UnitPrice", "Tax", "Shipping", "SupplierBatchID", "ScheduleLineReference",
                "ComponentConsumptionDetails", "Comments", "Extrinsic",
            ], attributes: ["quantity", "type", "shipmentDate", "deliveryDate"], required: ["quantity", "type"]),
        "ItemIn": Rule(
            children: [
                "ItemID", "Path", "ItemDetail", "SupplierID", "SupplierList", "ShipTo", "Shipping", "Tax",
                "SpendDetail", "Distribution", "Contact", "Comments", "ScheduleLine", "BillTo", "Batch", "Period",
                "DateInfo", "Extrinsic",
            ],
            attributes: [
                "quantity", "openQuantity", "promisedQuantity", "lineNumber", "parentLineNumber", "itemType",
                "compositeItemType", "itemClassification", "itemCategory",
            ], required: ["quantity"]),
        "ShipNoticeRequest": Rule(
            children: ["ShipNoticeHeader", "ShipControl", "ShipNoticePortion"], attributes: [], required: []),
        "ShipNoticeHeader": Rule(
            children: [
                "ServiceLevel", "DocumentReference", "Contact", "LegalEntity", "OrganizationalUnit", "Hazard",
                "Comments", "TermsOfDelivery", "TermsOfTransport", "Packaging", "Extrinsic", "IdReference",
                "ReferenceDocumentInfo",
            ],
            attributes: [
                "shipmentID", "operation", "noticeDate", "shipmentDate", "deliveryDate", "shipmentType",
                "fulfillmentType", "requestedDeliveryDate", "reason", "activityStepType",
            ], required: ["shipmentID", "noticeDate"]),
        "ServiceLevel": Rule(children: [], attributes: ["xml:lang"], required: ["xml:lang"]),
        "ShipControl": Rule(
            children: [
                "CarrierIdentifier", "ShipmentIdentifier", "PackageIdentification", "Route", "TransportInformation",
                "Contact", "Comments", "Extrinsic",
            ], attributes: ["startDate"], required: []),
        "CarrierIdentifier": Rule(children: [], attributes: ["domain"], required: ["domain"]),
        "ShipmentIdentifier": Rule(
            children: [], attributes: ["domain", "trackingNumberDate", "trackingURL"], required: []),
        "Route": Rule(
            children: ["Contact"], attributes: ["method", "means", "startDate", "endDate"], required: ["method"]),
        "ShipNoticePortion": Rule(
            children: [
                "OrderReference", "MasterAgreementReference", "MasterAgreementIDInfo", "Contact", "Comments",
                "Extrinsic", "ShipNoticeItem", "ReferenceDocumentInfo",
            ], attributes: [], required: []),
        "ShipNoticeItem": Rule(
            children: [
                "ItemID", "ShipNoticeItemDetail", "UnitOfMeasure", "Packaging", "Hazard", "Batch", "SupplierBatchID",
                "AssetInfo", "TermsOfDelivery", "OrderedQuantity", "ShipNoticeItemIndustry",
                "ComponentConsumptionDetails", "ReferenceDocumentInfo", "Comments", "Extrinsic",
            ],
            attributes: [
                "quantity", "lineNumber", "parentLineNumber", "shipNoticeLineNumber", "itemType", "compositeItemType",
                "stockTransferType", "outboundType",
            ], required: ["quantity", "lineNumber"]),
        "ShipNoticeItemDetail": Rule(
            children: [
                "UnitPrice", "Description", "UnitOfMeasure", "PriceBasisQuantity", "Classification",
                "ManufacturerPartID", "ManufacturerName", "Dimension", "ItemDetailIndustry", "Extrinsic",
            ], attributes: [], required: []),
        "OrderedQuantity": Rule(children: ["UnitOfMeasure"], attributes: ["quantity"], required: []),
        "Packaging": Rule(
            children: [
                "PackagingCode", "Dimension", "Description", "PackagingLevelCode", "PackageTypeCodeIdentifierCode",
                "ShippingContainerSerialCode", "ShippingContainerSerialCodeReference", "PackageID", "ShippingMark",
                "OrderedQuantity", "DispatchQuantity", "FreeGoodsQuantity", "QuantityVarianceNote", "BestBeforeDate",
                "AssetInfo", "PackagingIndustry", "StoreCode", "Extrinsic",
            ], attributes: [], required: []),
        "PackagingCode": Rule(children: [], attributes: ["xml:lang"], required: ["xml:lang"]),
        "Dimension": Rule(
            children: ["UnitOfMeasure"], attributes: ["quantity", "type"], required: ["quantity", "type"]),
        "PackagingLevelCode": Rule(children: [], attributes: [], required: []),
        "PackageTypeCodeIdentifierCode": Rule(children: [], attributes: [], required: []),
        "ShippingContainerSerialCode": Rule(children: [], attributes: [], required: []),
        "ShippingContainerSerialCodeReference": Rule(children: [], attributes: [], required: []),
        "ShippingMark": Rule(children: [], attributes: [], required: []),
        "StatusUpdateRequest": Rule(
            children: [
                "DocumentReference", "Status", "PaymentStatus", "SourcingStatus", "InvoiceStatus", "DocumentStatus",
                "IntegrationStatus", "Extrinsic",
            ], attributes: [], required: []),
        "UserAgent": Rule(children: [], attributes: [], required: []),
        "Identity": Rule(children: nil, attributes: ["lastChangedTimestamp"], required: []),
        "SharedSecret": Rule(children: nil, attributes: [], required: []),
        "ShortName": Rule(children: [], attributes: [], required: []),
        "Message": Rule(
            children: [
                "Status", "PunchOutOrderMessage", "ProviderDoneMessage", "SubscriptionChangeMessage",
                "DataAvailableMessage", "SupplierChangeMessage", "OrganizationChangeMessage", "ProductActivityMessage",
                "ProductReplenishmentMessage",
            ], attributes: ["deploymentMode", "inReplyTo", "Id"], required: []),
        "Attachment": Rule(children: ["URL"], attributes: ["visibility"], required: []),
    ]

    /// Every element `cXML.dtd` 1.2.069 declares (an `ANY` content model, such as `Extrinsic`'s, admits only
    /// these).
    static let cXMLElements = Self.names(
        """
        ASNInstruction AcceptanceItem AcceptanceItemDetail AcceptanceScheduleDetail AccountCurrency Accounting
        AccountingSegment AdditionalAmounts AdditionalCost AdditionalDeduction AdditionalPrices AdditionalQNInfo
        Address AerospaceAndDefense AgreementItemOut AirDetail AirLeg AirLegDestination AirLegOrigin Airport
        AllowedValues Alternative Amenities AnnualRevenue ApprovalItem ApprovalRequest ApprovalRequestHeader
        AreaOrCityCode AssetInfo Attachment AttachmentReference AttributeDomain AuthRequest AuthResponse
        AuthorizationLabels AuthorizationProfile AuthorizationProfiles AutoPublish AvailablePrice Batch BatchInfo
        BestBeforeDate BillTo BlanketItemDetail BlockedQuantity BookingClassCode BrowserFormPost BusinessPartner
        BuyerBatchID BuyerCookie BuyerPartID CIFContent CarRentalDetail CarRentalDropoff CarRentalFee
        CarRentalPickup CarrierIdentifier CatalogInfo CatalogName CatalogUploadRequest CertificateInfo Changetime
        Characteristic Charge City Classification Comments Commodities Commodity CommodityCode ComparatorInfo
        ComplainQuantity ComponentID ConditionType ConditionTypes ConsignmentInventory ConsignmentMovement Contact
        Contract ContractIDInfo ContractItem ContractItemIn ContractItemStatus ContractRequest ContractRequestHeader
        ContractRequestHeaderIndustry ContractStatus ContractStatusUpdateRequest Contractor ContractorIdentifier
        ControlKeys CopyRequest CorporateInformation Correspondent CostTermValue Country CountryCode Creator
        Credential CredentialMac DPAS DataAvailableMessage DataRequest DataResponse DateInfo DaysOfSupply
        DeductedPrice DeductionAmount DeductionPercent DeliverTo DeliveryPeriod DepositAmount Description
        DeviationReason DigitalSignature Dimension Discount DiscountAmount DiscountBasis DiscountPercent
        DispatchQuantity Distribution DocumentInfo DocumentReference DocumentStatus DueAmount EANID EffectiveDate
        Email EquipmentIdentificationCode EuropeanWasteCatalogID ExactAmount ExemptReason ExpectedLimit
        ExpectedResult ExpirationDate ExpiryDate Extension ExternalDocumentType Extrinsic Fax Fee FeeAmount
        FeeDetail FixedAmount FollowUpDocument Followup Forecast ForecastDetails ForecastQuantity Format
        FreeGoodsQuantity From GetPendingRequest GetPendingResponse GlobalIndividualAssetID GoodsAndServiceAmount
        GrossAmount GrossProgressPaymentAmount Hazard Header HotelDetail IdReference Identity IncorporationType
        IncrementQuantity Index IndexItem IndexItemAdd IndexItemDelete IndexItemDetail IndexItemPunchout Indicator
        Industry InformationalAmount InformationalPrice InformationalPriceExclTax InputItemID IntegrationMessage
        IntegrationStatus InternalID IntransitQuantity Inventory InventoryTimeSeries InvoiceIDInfo
        InvoiceInstruction InvoiceItemIDInfo InvoiceReference InvoiceStatus Issuer ItemDetail ItemDetailIndustry
        ItemDetailRetail ItemID ItemIn ItemIndicator ItemInfo ItemOut ItemOutAerospaceAndDefense ItemOutIndustry
        ItemOutLifeSciences ItemOutRetail ItemSegment ItemStatus JobDescription KitType KitTypeID LabelID
        LaborDetail LeadTime LegDestination LegOrigin LegalEntity LegalName LifeSciences LimitedMileage Lower
        MalfunctionPeriod ManufacturerName ManufacturerPartID MasterAgreementIDInfo MasterAgreementReference
        MasterAgreementRequest MasterAgreementRequestHeader MaxAdhocAmount MaxAmount MaxContractAmount MaxQuantity
        MaxReleaseAmount MaxReleaseQuantity MaximumLimit Meal MedicationListInfo Message MessageType MinAmount
        MinQuantity MinReleaseAmount MinReleaseQuantity MinimumLimit Modification ModificationDetail Modifications
        Money MovementQuantity Municipality Name NatureOfBusiness NetAmount NewMaterialQuantity Node Notification
        Number OCInstruction Option OrderIDInfo OrderInfo OrderMethod OrderMethods OrderProtocol OrderQuantity
        OrderReference OrderRequest OrderRequestHeader OrderRequestHeaderIndustry OrderStatusRequestIDInfo
        OrderStatusRequestReference OrderTarget OrderedQuantity Organization OrganizationChangeMessage
        OrganizationDataRequest OrganizationDataResponse OrganizationID OrganizationRole OrganizationalUnit
        OriginalDocument OriginalPrice OriginatorCookie OtherOrderTarget OutputItemID OverallLimit OwnerInfo
        OwnershipType PCard PackageControlNumber PackageID PackageTrackingID PackageTypeCodeIdentifierCode Packaging
        PackagingCode PackagingDistribution PackagingIndustry PackagingLevelCode PackagingLifeSciences
        ParentContractInfo ParentID PartialAmount PartnerContact Path PayableInfo PayableInvoiceInfo
        PayableMasterAgreementInfo PayableOrderInfo Payment PaymentInformation PaymentMethod PaymentMethodPartner
        PaymentMethodRemittanceInformation PaymentPartner PaymentProposalIDInfo PaymentProviderInformation
        PaymentRelationshipInformation PaymentStatus PaymentTerm PaymentTerms PaymentToken Penalty Percentage Period
        Person PersonRole Phone Place PlannedAcceptanceDays PlanningTimeSeries PolicyViolation
        PolicyViolationJustification PoolID PostalAddress PostalCode PriceBasisQuantity PriceTolerance
        PricingConditions Priority Product ProductActivityDetails ProductActivityHeader
        ProductActivityHeaderIndustry ProductActivityMessage ProductMovementItemIDInfo ProductRevisionID
        ProductionFacility ProductionFacilityAssociation ProductionFacilityRole ProfileRequest ProfileResponse
        PromotionDealID PromotionQuantity PromotionVariantID PropertyReference PropertyValuation PropertyValue
        ProtocolID ProviderDoneMessage ProviderSetupRequest ProviderSetupResponse PunchOutOrderMessage
        PunchOutOrderMessageHeader PunchOutSetupRequest PunchOutSetupResponse PunchoutDetail PurchaseRequisition
        PurchaseRequisitionHeader PurchaseRequisitionRequest QNCode QNNotes QualityInfo
        QualityInspectionCharacteristic QualityInspectionDecisionDetail QualityInspectionDecisionRequest
        QualityInspectionHeaderIndustry QualityInspectionLotStock QualityInspectionQuantity QualityInspectionRequest
        QualityInspectionRequestDetail QualityInspectionRequestHeader QualityInspectionRequestReference
        QualityInspectionResultReference QualityInspectionResultRequest QualityInspectionResultRequestDetail
        QualityInspectionResultRequestHeader QualityInspectionValuation QualityNotificationActivity
        QualityNotificationCause QualityNotificationHeaderIndustry QualityNotificationRequest
        QualityNotificationRequestHeader QualityNotificationRequestItem QualityNotificationTask QualitySampleResult
        QuantityTolerance QuantityVarianceNote QuoteHeaderInfo QuoteItemIn QuoteItemOut QuoteMessage
        QuoteMessageHeader QuoteRequest QuoteRequestHeader QuoteRequestHeaderIndustry QuoteRequestReference
        RailDetail RailLeg RailLegDestination RailLegOrigin Rate ReceiptIDInfo ReceiptReference
        ReferenceDocumentInfo RelationshipInformation ReleaseInfo Request RequestedProcessingPeriod
        RequiredMaximumQuantity RequiredMinimumQuantity ReserveQuantity ResourceID ResourceType Response ReturnData
        ReturnQuantity ReturnValue ReturnablePackageID RoomType Route Routing SESInstruction SalesQuantity
        SalesReport SampleDefinition SampleUsageQuantity Scale Scales ScheduleLine ScheduleLineAerospaceAndDefense
        ScheduleLineIndustry ScheduleLineReleaseInfo ScrapQuantity SealID SealingPartyCode SearchAttribute
        SearchDataElement SearchGroup SearchGroupData Segment SelectedItem SelectedService Sender SerialNumber
        SerialNumberInfo SharedSecret ShipNoticeIDInfo ShipNoticeLineItemReference ShipNoticeReference
        ShipNoticeReleaseInfo ShipTo ShipmentIdentifier Shipping ShippingAmount ShippingContainerSerialCode
        ShippingContainerSerialCodeReference ShippingContractNumber ShippingInstructions ShippingMark
        ShippingPaymentMethod ShortName SourcingStatus SpecialHandlingAmount SpendDetail StartPage State
        StateOfIncorporation Status StatusUpdateRequest StockInTransferQuantity StockOnHandQuantity StoreCode Street
        Study StudyID SubcontractingComponent SubcontractingComponentIndustry SubcontractingComponentLifeSciences
        SubcontractingStockInTransferQuantity Subscription SubscriptionChangeMessage SubscriptionContent
        SubscriptionContentRequest SubscriptionContentResponse SubscriptionListRequest SubscriptionListResponse
        SubscriptionStatus SubscriptionStatusUpdateRequest SubscriptionVersion SubtotalAmount Supervisor Supplier
        SupplierBatchID SupplierChangeMessage SupplierDataRequest SupplierDataResponse SupplierID SupplierInvitation
        SupplierList SupplierListRequest SupplierListResponse SupplierLocation SupplierOrderInfo
        SupplierPartAuxiliaryID SupplierPartID SupplierProductionFacilityRelations SupplierResourceID
        SupplierSelector SupplierSetup Tax TaxAdjustment TaxAdjustmentAmount TaxAdjustmentDetail TaxAmount TaxDetail
        TaxExemption TaxID TaxInformation TaxLocation TaxRegime TaxableAmount TelephoneNumber TemporaryPrice
        TermReference TermsAndConditions TermsOfDelivery TermsOfDeliveryCode TermsOfTransport Territory
        TerritoryAvailable TimeRange TimeSeries TimeSeriesAmount TimeSeriesDetails TimeSeriesQuantity
        TimeSeriesValue TimeTolerance To Tolerances Total TotalAllowances TotalAmountInBillingCurrency
        TotalAmountInPostedCurrency TotalAmountWithoutTax TotalCharges TotalRetailAmount
        TotalReturnableItemsDepositAmount Transaction TransportIDInfo TransportInformation TransportReference
        TransportTerms TravelDetail TriangularTransactionLawReference TripType URL URLPost UnitGrossPrice
        UnitNetPriceCorrection UnitOfMeasure UnitPrice UnitRate UnrestrictedUseQuantity Upper UpsideQuantity
        UserAgent ValidityPeriod ValidityPeriods Value ValueGroup Vendor WorkInProcessQuantity WorkLocation X509CRL
        X509Certificate X509Data X509IssuerName X509IssuerSerial X509SKI X509SerialNumber X509SubjectName cXML
        cXMLAttachment cXMLSignedInfo ds:CanonicalizationMethod ds:DSAKeyValue ds:DigestMethod ds:DigestValue
        ds:Exponent ds:G ds:HMACOutputLength ds:J ds:KeyInfo ds:KeyName ds:KeyValue ds:Manifest ds:MgmtData
        ds:Modulus ds:Object ds:P ds:PGPData ds:PGPKeyID ds:PGPKeyPacket ds:PgenCounter ds:Q ds:RSAKeyValue
        ds:Reference ds:RetrievalMethod ds:SPKIData ds:SPKISexp ds:Seed ds:Signature ds:SignatureMethod
        ds:SignatureProperties ds:SignatureProperty ds:SignatureValue ds:SignedInfo ds:Transform ds:Transforms
        ds:X509CRL ds:X509Certificate ds:X509Data ds:X509IssuerName ds:X509IssuerSerial ds:X509SKI
        ds:X509SerialNumber ds:X509SubjectName ds:XPath ds:Y xades:AllDataObjectsTimeStamp
        xades:AllSignedDataObjects xades:Any xades:ArchiveTimeStamp xades:AttrAuthoritiesCertValues
        xades:AttributeCertificateRefs xades:AttributeRevocationRefs xades:AttributeRevocationValues xades:ByKey
        xades:ByName xades:CRLIdentifier xades:CRLRef xades:CRLRefs xades:CRLValues xades:Cert xades:CertDigest
        xades:CertRefs xades:CertificateValues xades:CertifiedRole xades:CertifiedRoles xades:City xades:ClaimedRole
        xades:ClaimedRoles xades:CommitmentTypeId xades:CommitmentTypeIndication xades:CommitmentTypeQualifier
        xades:CommitmentTypeQualifiers xades:CompleteCertificateRefs xades:CompleteRevocationRefs
        xades:CounterSignature xades:CountryName xades:DataObjectFormat xades:Description xades:DigestAlgAndValue
        xades:DocumentationReference xades:DocumentationReferences xades:EncapsulatedCRLValue
        xades:EncapsulatedOCSPValue xades:EncapsulatedPKIData xades:EncapsulatedTimeStamp
        xades:EncapsulatedX509Certificate xades:Encoding xades:ExplicitText xades:Identifier xades:Include
        xades:IndividualDataObjectsTimeStamp xades:IssueTime xades:Issuer xades:IssuerSerial xades:MimeType
        xades:NoticeNumbers xades:NoticeRef xades:Number xades:OCSPIdentifier xades:OCSPRef xades:OCSPRefs
        xades:OCSPValues xades:ObjectIdentifier xades:ObjectReference xades:Organization xades:OtherCertificate
        xades:OtherRef xades:OtherRefs xades:OtherTimeStamp xades:OtherValue xades:OtherValues xades:PostalCode
        xades:ProducedAt xades:QualifyingProperties xades:QualifyingPropertiesReference xades:ReferenceInfo
        xades:RefsOnlyTimeStamp xades:ResponderID xades:RevocationValues xades:SPURI xades:SPUserNotice
        xades:SigAndRefsTimeStamp xades:SigPolicyHash xades:SigPolicyId xades:SigPolicyQualifier
        xades:SigPolicyQualifiers xades:SignaturePolicyId xades:SignaturePolicyIdentifier
        xades:SignaturePolicyImplied xades:SignatureProductionPlace xades:SignatureTimeStamp
        xades:SignedDataObjectProperties xades:SignedProperties xades:SignedSignatureProperties xades:SignerRole
        xades:SigningCertificate xades:SigningTime xades:StateOrProvince xades:UnsignedDataObjectProperties
        xades:UnsignedDataObjectProperty xades:UnsignedProperties xades:UnsignedSignatureProperties
        xades:X509IssuerName xades:X509SerialNumber xades:XAdESTimeStamp xades:XMLTimeStamp xades:int
        """)

    /// Every element `Fulfill.dtd` 1.2.069 declares.
    static let fulfillElements = Self.names(
        """
        ASNInstruction Accounting AccountingSegment AdditionalAmounts AdditionalCost AdditionalDeduction
        AdditionalPrices AdditionalQNInfo Address AerospaceAndDefense AgreementItemOut AirDetail AirLeg
        AirLegDestination AirLegOrigin Airport AllowedValues Alternative Amenities ApprovalInfo AreaOrCityCode
        AssetInfo Attachment AttachmentReference AuthorizationLabels AvailablePrice Batch BatchInfo BestBeforeDate
        BillTo BlanketItemDetail BlockedQuantity BookingClassCode BrowserFormPost BusinessPartner BuyerBatchID
        BuyerCookie BuyerPartID CarRentalDetail CarRentalDropoff CarRentalFee CarRentalPickup CarrierIdentifier
        CertificateInfo Characteristic Charge City Classification Comments ComparatorInfo ComplainQuantity
        ComponentConsumptionDetails ComponentConsumptionHeader ComponentConsumptionItem ComponentConsumptionPortion
        ComponentConsumptionRequest ComponentID ConditionType ConditionTypes ConfirmationHeader ConfirmationItem
        ConfirmationRequest ConfirmationStatus ConsignmentInventory Contact Contractor ContractorIdentifier
        ControlKeys CopyRequest Correspondent CostTermValue Country CountryCode Creator Credential CredentialMac
        DPAS DateInfo DaysOfSupply DeductedPrice DeductionAmount DeductionPercent DeliverTo DeliveryAddress
        DeliveryPeriod DepositAmount Description DigitalSignature Dimension Discount DiscountAmount DiscountBasis
        DiscountPercent DispatchQuantity Distribution DocumentInfo DocumentReference DocumentStatus DueAmount EANID
        Email EquipmentIdentificationCode EuropeanWasteCatalogID ExactAmount ExemptReason ExpectedLimit
        ExpectedResult Expense ExpenseAmount ExpiryDate Extension ExternalDocumentType Extrinsic Fax Fee FeeAmount
        FeeDetail FixedAmount FollowUpDocument Followup Forecast ForecastQuantity FreeGoodsQuantity From
        GlobalIndividualAssetID GoodsAndServiceAmount GrossAmount GrossProgressPaymentAmount Hazard Header
        HotelDetail IdReference Identity IncrementQuantity Indicator InformationalAmount InformationalPrice
        InformationalPriceExclTax InputItemID IntegrationMessage IntegrationStatus InternalID IntransitQuantity
        Inventory InvoiceIDInfo InvoiceInstruction InvoiceItemIDInfo InvoiceReference InvoiceStatus Issuer
        ItemDetail ItemDetailIndustry ItemDetailRetail ItemID ItemIn ItemIndicator ItemInfo ItemOut
        ItemOutAerospaceAndDefense ItemOutIndustry ItemOutLifeSciences ItemOutRetail ItemReference ItemStatus
        JobDescription KitType KitTypeID LabelID LaborDetail LeadTime LegDestination LegOrigin LegalEntity
        LifeSciences LimitedMileage Lower MalfunctionPeriod ManufacturerName ManufacturerPartID
        MasterAgreementIDInfo MasterAgreementReference MasterAgreementRequest MasterAgreementRequestHeader
        MaxAdhocAmount MaxAmount MaxContractAmount MaxQuantity MaxReleaseAmount MaxReleaseQuantity MaximumLimit Meal
        MedicationListInfo Message MinAmount MinQuantity MinReleaseAmount MinReleaseQuantity MinimumLimit
        Modification ModificationDetail Modifications Money MovementQuantity Municipality Name NetAmount
        NewMaterialQuantity Node Number OCInstruction OrderIDInfo OrderInfo OrderMethod OrderMethods OrderProtocol
        OrderQuantity OrderReference OrderRequest OrderRequestHeader OrderRequestHeaderIndustry OrderStatusRequest
        OrderStatusRequestHeader OrderStatusRequestIDInfo OrderStatusRequestItem OrderStatusRequestReference
        OrderTarget OrderedQuantity OrganizationalUnit OriginalDocument OriginalPrice OriginatorCookie
        OtherOrderTarget OutputItemID OverallLimit OwnerInfo PCard PackageControlNumber PackageID
        PackageIdentification PackageTrackingID PackageTypeCodeIdentifierCode Packaging PackagingCode
        PackagingDistribution PackagingIndustry PackagingLevelCode PackagingLifeSciences ParentID PartialAmount
        PartnerContact Path Payment PaymentProposalIDInfo PaymentStatus PaymentTerm PaymentTerms PaymentToken
        Penalty Percentage Period Phone Place PlannedAcceptanceDays PolicyViolation PolicyViolationJustification
        PoolID PostalAddress PostalCode PriceBasisQuantity PriceTolerance PricingConditions Priority Product
        ProductMovementItemIDInfo ProductReplenishmentDetails ProductReplenishmentHeader ProductReplenishmentMessage
        ProductRevisionID ProductionFacility ProductionFacilityAssociation ProductionFacilityRole PromotionDealID
        PromotionQuantity PromotionVariantID PropertyReference PropertyValuation PropertyValue ProtocolID
        PunchOutOrderMessage PunchOutOrderMessageHeader PunchOutSetupRequest PunchOutSetupResponse
        PurchaseRequisition PurchaseRequisitionHeader PurchaseRequisitionRequest QNCode QNNotes QualityInfo
        QualityInspectionCharacteristic QualityInspectionDecisionDetail QualityInspectionDecisionRequest
        QualityInspectionHeaderIndustry QualityInspectionLotStock QualityInspectionQuantity QualityInspectionRequest
        QualityInspectionRequestDetail QualityInspectionRequestHeader QualityInspectionRequestReference
        QualityInspectionResultReference QualityInspectionResultRequest QualityInspectionResultRequestDetail
        QualityInspectionResultRequestHeader QualityInspectionValuation QualityNotificationActivity
        QualityNotificationCause QualityNotificationHeaderIndustry QualityNotificationRequest
        QualityNotificationRequestHeader QualityNotificationRequestItem QualityNotificationTask QualitySampleResult
        QuantityTolerance QuantityVarianceNote RailDetail RailLeg RailLegDestination RailLegOrigin Rate
        ReceiptIDInfo ReceiptItem ReceiptItemReference ReceiptOrder ReceiptOrderInfo ReceiptReference ReceiptRequest
        ReceiptRequestHeader ReceivedAmount ReferenceDocumentInfo ReleaseInfo ReplenishmentTimeSeries ReportedTime
        Request RequestedProcessingPeriod RequiredMaximumQuantity RequiredMinimumQuantity ReserveQuantity ResourceID
        ResourceType Response ReturnData ReturnQuantity ReturnValue ReturnablePackageID RoomType Route Routing
        SESInstruction SalesOrderHeader SalesOrderRequest SampleDefinition SampleUsageQuantity Scale Scales
        ScheduleLine ScheduleLineAerospaceAndDefense ScheduleLineIndustry ScheduleLineReference
        ScheduleLineReleaseInfo ScrapQuantity SealID SealingPartyCode Segment SelectedItem SelectedService Sender
        SerialNumber SerialNumberInfo ServiceEntryDetailDiscount ServiceEntryDetailLineIndicator
        ServiceEntryDetailLineShipping ServiceEntryDetailLineSpecialHandling ServiceEntryDetailShipping
        ServiceEntryHeaderModifications ServiceEntryItem ServiceEntryItemModifications ServiceEntryOrder
        ServiceEntryOrderInfo ServiceEntryRequest ServiceEntryRequestHeader ServiceEntrySummary
        ServiceEntrySummaryLineItemModifications ServiceLevel SharedSecret ShipControl ShipNoticeHeader
        ShipNoticeIDInfo ShipNoticeItem ShipNoticeItemDetail ShipNoticeItemIndustry ShipNoticeItemLifeSciences
        ShipNoticeItemRetail ShipNoticeLineItemReference ShipNoticePortion ShipNoticeReference ShipNoticeReleaseInfo
        ShipNoticeRequest ShipTo ShipmentIdentifier Shipping ShippingAmount ShippingContainerSerialCode
        ShippingContainerSerialCodeReference ShippingContractNumber ShippingInstructions ShippingMark
        ShippingPaymentMethod ShortName SourcingStatus SpecialHandlingAmount SpendDetail StartPage State Status
        StatusUpdateRequest StockInTransferQuantity StockOnHandQuantity StoreCode Street Study StudyID
        SubcontractingComponent SubcontractingComponentIndustry SubcontractingComponentLifeSciences
        SubcontractingStockInTransferQuantity SubmitterInfo SubtotalAmount Supervisor Supplier SupplierBatchID
        SupplierID SupplierList SupplierLocation SupplierOrderInfo SupplierPartAuxiliaryID SupplierPartID
        SupplierProductionFacilityRelations SupplierResourceID SupplierSetup Tax TaxAdjustment TaxAdjustmentAmount
        TaxAdjustmentDetail TaxAmount TaxDetail TaxExemption TaxLocation TaxRegime TaxableAmount TelephoneNumber
        TemporaryPrice TermReference TermsAndConditions TermsOfDelivery TermsOfDeliveryCode TermsOfTransport
        TimeCard TimeCardInfoRequest TimeCardRequest TimeCardTimeInterval TimeRange TimeSeriesAmount
        TimeSeriesDetails TimeSeriesQuantity TimeSeriesValue TimeTolerance To Tolerances Total TotalAllowances
        TotalAmountInBillingCurrency TotalAmountInPostedCurrency TotalAmountWithoutTax TotalCharges
        TotalRetailAmount TotalReturnableItemsDepositAmount TransportIDInfo TransportInformation TransportReference
        TransportTerms TravelDetail TriangularTransactionLawReference TripType URL UnitGrossPrice
        UnitNetPriceCorrection UnitOfMeasure UnitPrice UnitRate UnrestrictedUseQuantity Upper UpsideQuantity
        UserAgent ValidityPeriod ValidityPeriods Value ValueGroup Vendor WorkInProcessQuantity WorkLocation cXML
        cXMLAttachment cXMLSignedInfo ds:CanonicalizationMethod ds:DSAKeyValue ds:DigestMethod ds:DigestValue
        ds:Exponent ds:G ds:HMACOutputLength ds:J ds:KeyInfo ds:KeyName ds:KeyValue ds:Manifest ds:MgmtData
        ds:Modulus ds:Object ds:P ds:PGPData ds:PGPKeyID ds:PGPKeyPacket ds:PgenCounter ds:Q ds:RSAKeyValue
        ds:Reference ds:RetrievalMethod ds:SPKIData ds:SPKISexp ds:Seed ds:Signature ds:SignatureMethod
        ds:SignatureProperties ds:SignatureProperty ds:SignatureValue ds:SignedInfo ds:Transform ds:Transforms
        ds:X509CRL ds:X509Certificate ds:X509Data ds:X509IssuerName ds:X509IssuerSerial ds:X509SKI
        ds:X509SerialNumber ds:X509SubjectName ds:XPath ds:Y xades:AllDataObjectsTimeStamp
        xades:AllSignedDataObjects xades:Any xades:ArchiveTimeStamp xades:AttrAuthoritiesCertValues
        xades:AttributeCertificateRefs xades:AttributeRevocationRefs xades:AttributeRevocationValues xades:ByKey
        xades:ByName xades:CRLIdentifier xades:CRLRef xades:CRLRefs xades:CRLValues xades:Cert xades:CertDigest
        xades:CertRefs xades:CertificateValues xades:CertifiedRole xades:CertifiedRoles xades:City xades:ClaimedRole
        xades:ClaimedRoles xades:CommitmentTypeId xades:CommitmentTypeIndication xades:CommitmentTypeQualifier
        xades:CommitmentTypeQualifiers xades:CompleteCertificateRefs xades:CompleteRevocationRefs
        xades:CounterSignature xades:CountryName xades:DataObjectFormat xades:Description xades:DigestAlgAndValue
        xades:DocumentationReference xades:DocumentationReferences xades:EncapsulatedCRLValue
        xades:EncapsulatedOCSPValue xades:EncapsulatedPKIData xades:EncapsulatedTimeStamp
        xades:EncapsulatedX509Certificate xades:Encoding xades:ExplicitText xades:Identifier xades:Include
        xades:IndividualDataObjectsTimeStamp xades:IssueTime xades:Issuer xades:IssuerSerial xades:MimeType
        xades:NoticeNumbers xades:NoticeRef xades:Number xades:OCSPIdentifier xades:OCSPRef xades:OCSPRefs
        xades:OCSPValues xades:ObjectIdentifier xades:ObjectReference xades:Organization xades:OtherCertificate
        xades:OtherRef xades:OtherRefs xades:OtherTimeStamp xades:OtherValue xades:OtherValues xades:PostalCode
        xades:ProducedAt xades:QualifyingProperties xades:QualifyingPropertiesReference xades:ReferenceInfo
        xades:RefsOnlyTimeStamp xades:ResponderID xades:RevocationValues xades:SPURI xades:SPUserNotice
        xades:SigAndRefsTimeStamp xades:SigPolicyHash xades:SigPolicyId xades:SigPolicyQualifier
        xades:SigPolicyQualifiers xades:SignaturePolicyId xades:SignaturePolicyIdentifier
        xades:SignaturePolicyImplied xades:SignatureProductionPlace xades:SignatureTimeStamp
        xades:SignedDataObjectProperties xades:SignedProperties xades:SignedSignatureProperties xades:SignerRole
        xades:SigningCertificate xades:SigningTime xades:StateOrProvince xades:UnsignedDataObjectProperties
        xades:UnsignedDataObjectProperty xades:UnsignedProperties xades:UnsignedSignatureProperties
        xades:X509IssuerName xades:X509SerialNumber xades:XAdESTimeStamp xades:XMLTimeStamp xades:int
        """)

    /// Every element either DTD declares.
    static let allElements = Self.cXMLElements.union(Self.fulfillElements)

    private static func names(_ text: String) -> Set<Substring> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }))
    }

    /// Whether `name` may appear inside `parent` (`true` when Porter does not know the parent).
    static func allows(_ name: String, in parent: String) -> Bool {
        guard let rule = self.rules[parent], let children = rule.children else { return true }
        return children.contains(name)
    }

    /// The first thing in `element` (and the elements in it) that the DTD refuses, among the elements Porter knows:
    /// a child its parent does not allow, an attribute not declared, a required attribute missing.
    static func problem(in element: CXMLElement, declared: Set<Substring>) -> String? {
        if !declared.contains(Substring(element.name)) { return "\(element.name), which the DTD does not declare" }
        if let rule = self.rules[element.name] {
            for attribute in element.attributes where !self.declares(attribute.name, on: element.name) {
                return "the attribute \(attribute.name) on \(element.name)"
            }
            for required in rule.required where element.attribute(required) == nil {
                return "\(element.name) without its required \(required)"
            }
        }
        for child in element.children {
            if !self.allows(child.name, in: element.name) { return "\(child.name) inside \(element.name)" }
            if let problem = self.problem(in: child, declared: declared) { return problem }
        }
        return nil
    }

    /// Whether the DTD declares the attribute `name` on `element` (`true` when Porter does not know the element).
    static func declares(_ name: String, on element: String) -> Bool {
        guard let rule = self.rules[element] else { return true }
        return rule.attributes.contains(name) || name.hasPrefix("xmlns")
    }
}
