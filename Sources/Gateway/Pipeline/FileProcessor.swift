public import Foundation
import Orders
public import Partners
public import Store
import Synchronization
import X12

/// Takes claimed files through the pipeline: detect, validate, identify the partner, decode, map, route, and commit
/// the file's outcome with its acknowledgments and outbound messages in one store transaction; only then is the
/// original moved (archive, error or quarantine). A crash anywhere leaves the file in `work/`, and processing it
/// again after a restart finishes the move of a committed file or starts over on one that was not.
public struct FileProcessor: Sendable {
    /// What the processor needs.
    public struct Context: Sendable {
        public var workspace: Workspace
        public var catalog: MappingsCatalog
        public var store: any GatewayStore
        public var identity: GatewayIdentity
        /// The clock (injected so tests control time).
        public var clock: @Sendable () -> Date
        /// Where a commit hands its messages, claimed in its own transaction, to the running delivery service
        /// (``DeliveryHandoff/wantsMessages``); nil: they are queued for a claim.
        public var handoff: DeliveryHandoff?

        public init(
            workspace: Workspace, catalog: MappingsCatalog, store: any GatewayStore,
            identity: GatewayIdentity = GatewayIdentity(), clock: @escaping @Sendable () -> Date = { Date() },
            handoff: DeliveryHandoff? = nil
        ) {
            self.workspace = workspace
            self.catalog = catalog
            self.store = store
            self.identity = identity
            self.clock = clock
            self.handoff = handoff
        }
    }

    /// Where a file ended.
    public enum Disposition: String, Hashable, Sendable, Codable, CaseIterable {
        /// Processed (or a duplicate) and moved to `archive/`.
        case archived
        /// Moved to `error/` with a report.
        case failed
        /// From an unknown sender: moved to `quarantine/` with a report.
        case quarantined
        /// Left in `work/`: the store could not commit (full disk, locked database); tried again later.
        case deferred
    }

    /// What became of one file.
    public struct Result: Hashable, Sendable {
        public var claim: String
        public var originalName: String
        public var disposition: Disposition
        /// Where the original is now, relative to the workspace root (nil when deferred).
        public var path: String?
        /// The messages queued for it.
        public var messageIDs: [Int64]
        /// Why it failed, was quarantined or deferred; "duplicate" notes for archived duplicates.
        public var reason: String?
    }

    public let context: Context

    public init(context: Context) { self.context = context }

    /// Processes `files` with one store transaction for all of them (group commit); each file's outcome is still
    /// all-or-nothing, and each original moves only after the commit. ``prepare(_:)`` then ``finish(_:)``.
    public func process(_ files: [ClaimedFile]) async -> [Result] {
        await self.finish(await self.prepare(files))
    }

    /// A batch read and planned, ready to commit.
    public struct PreparedBatch: Sendable {
        /// Results already known (a file committed before a crash, moved; a store that could not be read).
        var results: [Result?]
        var prepared: [(index: Int, prepared: PreparedFile)]
    }

    /// Reads, validates, decodes, maps and routes `files` without changing anything in the store: preparing a batch
    /// can overlap the commit of the one before (``finish(_:)`` finds control-number gaps and duplicates against what
    /// is committed by then).
    ///
    /// Files are read a few at a time (one per core, off the cooperative pool); then one store read answers what the
    /// batch needs to know (claims committed before a crash, content, interchanges and payloadIDs seen before), and
    /// each file is planned.
    public func prepare(_ files: [ClaimedFile]) async -> PreparedBatch {
        var results: [Result?] = Array(repeating: nil, count: files.count)
        let reads = await Self.read(files)
        var lookup = IntakeLookup(claims: files.map(\.claim))
        for read in reads where !read.hash.isEmpty {
            lookup.contentHashes.append(read.hash)
            if case .success(let analysis) = read.analysis {
                lookup.interchanges += analysis.interchanges.map(InboundAnalysis.key)
                lookup.payloadIDs += analysis.payloadIDs
            }
        }
        let known: IntakeLookup.Answer
        do {
            known = try await self.context.store.lookUp(lookup)
        } catch {
            return PreparedBatch(results: files.map { Self.deferred($0, reason: error.description) }, prepared: [])
        }
        var prepared: [(index: Int, prepared: PreparedFile)] = []
        for (index, (file, read)) in zip(files, reads).enumerated() {
            if let stored = known.committed[file.claim] {
                // Committed before a crash; only the move is left.
                results[index] = await self.move(file, outcome: stored.outcome, report: nil, messageIDs: [])
                continue
            }
            prepared.append((index, await self.prepare(file, read: read, known: known)))
        }
        return PreparedBatch(results: results, prepared: prepared)
    }

    /// Commits a prepared batch in one transaction and moves each committed original: ``commit(_:)``, then
    /// ``move(_:)``.
    public func finish(_ batch: PreparedBatch) async -> [Result] {
        await self.move(await self.commit(batch))
    }

    /// A batch committed, its originals still in `work/`.
    public struct CommittedBatch: Sendable {
        var results: [Result?]
        var committed: [(index: Int, item: PreparedFile, ids: [Int64])]
        var refused: [(index: Int, item: PreparedFile, reason: String)]

        /// Whether the commit queued messages to deliver.
        public var queuedMessages: Bool { self.committed.contains { !$0.ids.isEmpty } }
    }

    /// Commits a prepared batch in one transaction.
    ///
    /// Two files of one batch that carry the same interchange or payloadID are told apart at the commit, the same
    /// content twice before it; the later one is prepared again alone after the others committed, and becomes a
    /// recorded duplicate (``retryAlone(_:reason:)``, in ``move(_:)``).
    public func commit(_ batch: PreparedBatch) async -> CommittedBatch {
        var results = batch.results
        guard !batch.prepared.isEmpty else { return CommittedBatch(results: results, committed: [], refused: []) }
        var prepared: [(index: Int, prepared: PreparedFile)] = []
        var repeated: [(index: Int, item: PreparedFile, reason: String)] = []
        var hashes: Set<String> = []
        for entry in batch.prepared {
            let file = entry.prepared.commit.file
            if file.outcome == .processed, !file.contentHash.isEmpty, !hashes.insert(file.contentHash).inserted {
                repeated.append((entry.index, entry.prepared, "the same content as another file of the batch"))
            } else {
                prepared.append(entry)
            }
        }
        let outcomes: [InboundCommitResult]
        do {
            let gapped = try await self.withGaps(prepared.map(\.prepared))
            prepared = zip(prepared, gapped).map { ($0.index, $1) }
            outcomes = try await self.commit(prepared.map(\.prepared.commit))
        } catch {
            for (index, item) in prepared + repeated.map({ ($0.index, $0.item) }) {
                results[index] = Self.deferred(item.file, reason: error.description)
            }
            return CommittedBatch(results: results, committed: [], refused: [])
        }
        var committed: [(index: Int, item: PreparedFile, ids: [Int64])] = []
        var refused = repeated
        for ((index, item), outcome) in zip(prepared, outcomes) {
            switch outcome {
            case .committed(let ids): committed.append((index, item, ids))
            case .failed(let reason): refused.append((index, item, reason))
            }
        }
        return CommittedBatch(results: results, committed: committed, refused: refused)
    }

    /// Commits in one transaction; the messages go to the handoff, claimed in the same transaction, when the
    /// delivery service wants them.
    private func commit(_ commits: [InboundCommit]) async throws(StoreError) -> [InboundCommitResult] {
        guard let handoff = self.context.handoff, handoff.wantsMessages else {
            return try await self.context.store.commit(commits)
        }
        let (results, claimed) = try await self.context.store.commit(
            commits, claimingAt: self.context.clock(), lease: handoff.lease)
        // Closed meanwhile (the service stopped): the messages wait for their leases to end, then a claim.
        handoff.put(claimed)
        return results
    }

    /// Moves the committed originals of a batch in one trip off the pool; then retries each refused file alone.
    /// Moving a batch can overlap the commit of the next one.
    public func move(_ batch: CommittedBatch) async -> [Result] {
        var results = batch.results
        let committed = batch.committed
        let moved = await offThePool { [committed] in
            committed.map { entry in
                self.moveBlocking(
                    entry.item.file, outcome: entry.item.commit.file.outcome, report: entry.item.report,
                    messageIDs: entry.ids)
            }
        }
        for (entry, result) in zip(committed, moved) { results[entry.index] = result }
        for entry in batch.refused { results[entry.index] = await self.retryAlone(entry.item, reason: entry.reason) }
        return results.map { $0! }
    }

    // MARK: Preparing one file

    struct PreparedFile: Sendable {
        var file: ClaimedFile
        var commit: InboundCommit
        var report: ErrorReport?
        /// The tracking facts of a processed file, whose hook is made once its gaps are known (``withGaps(_:)``).
        var facts: FileTrackingFacts?

        /// The file with its control-number gaps: recorded in the commit and raised by its tracking hook.
        func withGaps(_ gaps: [ControlNumberGap]) -> PreparedFile {
            guard var facts = self.facts else { return self }
            var prepared = self
            facts.gaps = gaps
            prepared.commit.gaps = gaps
            prepared.commit.track = FileProcessor.tracking(facts)
            prepared.facts = facts
            return prepared
        }
    }

    /// Sets the control-number gaps of prepared files, in the order they will commit.
    ///
    /// A gap is a jump in a partner's interchange control numbers (ISA13) past the highest one received: each file is
    /// prepared against the store alone, so gaps are found here, over the whole batch, with the numbers of every
    /// file of the batch sorted per partner. Files that arrive together out of order (ISA13 7 listed before 6) make
    /// no gap; a number missing from the store and the batch makes one, on the file that holds the number after it.
    private func withGaps(_ files: [PreparedFile]) async throws(StoreError) -> [PreparedFile] {
        var received: [String: [(number: Int, file: Int)]] = [:]
        for (index, prepared) in files.enumerated() {
            guard let partner = prepared.commit.file.partner, prepared.facts != nil else { continue }
            for number in prepared.commit.inboundControlNumbers {
                received[partner, default: []].append((number, index))
            }
        }
        var gaps: [[ControlNumberGap]] = Array(repeating: [], count: files.count)
        for (partner, numbers) in received.sorted(by: { $0.key < $1.key }) {
            var last = try await self.context.store.lastInboundControlNumber(partner: partner)
            for (number, index) in numbers.sorted(by: { ($0.number, $0.file) < ($1.number, $1.file) }) {
                if let previous = last, number > previous + 1 {
                    let file = files[index]
                    gaps[index].append(
                        ControlNumberGap(
                            partner: partner, previous: previous, received: number, claim: file.file.claim,
                            at: file.commit.file.receivedAt))
                }
                last = max(last ?? number, number)
            }
        }
        return zip(files, gaps).map { $0.withGaps($1) }
    }

    /// Reads `files` with one worker per core off the cooperative pool, each taking the next file not yet read; the
    /// reads are in the order given.
    private static func read(_ files: [ClaimedFile]) async -> [InboundRead] {
        let width = min(files.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let next = FileCounter()
        var reads: [InboundRead?] = Array(repeating: nil, count: files.count)
        await withTaskGroup(of: [(Int, InboundRead)].self) { group in
            for _ in 0..<width {
                group.addTask {
                    await offThePool {
                        var done: [(Int, InboundRead)] = []
                        while case let index = next.take(), index < files.count {
                            let file = files[index]
                            done.append((index, InboundRead.of(path: file.workPath, name: file.originalName)))
                        }
                        return done
                    }
                }
            }
            for await done in group {
                for (index, read) in done { reads[index] = read }
            }
        }
        return reads.map { $0! }
    }

    private final class FileCounter: Sendable {
        private let next = Atomic<Int>(0)

        func take() -> Int { self.next.wrappingAdd(1, ordering: .relaxed).oldValue }
    }

    private func prepare(_ file: ClaimedFile, read: InboundRead, known: IntakeLookup.Answer) async -> PreparedFile {
        let now = self.context.clock()
        let (hash, size) = (read.hash, read.size)
        if hash.isEmpty, case .failure(let error) = read.analysis {
            return self.failed(file, hash: "", size: 0, at: now, stage: error.stage, reason: error.message)
        }
        do {
            return try await self.prepare(file, read: read, known: known, at: now)
        } catch let error as PipelineError {
            return self.failed(file, hash: hash, size: size, at: now, stage: error.stage, reason: error.message)
        } catch {
            return self.failed(file, hash: hash, size: size, at: now, stage: .store, reason: "\(error)")
        }
    }

    private func prepare(_ file: ClaimedFile, read: InboundRead, known: IntakeLookup.Answer, at now: Date)
        async throws -> PreparedFile
    {
        let hash = read.hash
        var record = InboundFile(
            claim: file.claim, originalName: file.originalName, contentHash: hash, size: read.size,
            partner: file.partnerFolder, receivedAt: now, outcome: .processed, storedPath: Self.archiveFolder(now))
        if let earlier = known.processed[hash] {
            record.outcome = .duplicate
            record.partner = earlier.partner
            let duplicate = DuplicateRecord(
                kind: .content, key: hash, claim: file.claim, partner: earlier.partner, at: now)
            var facts = FileTrackingFacts(
                claim: file.claim, fileName: file.originalName, sender: earlier.partner, at: now,
                outcome: .duplicate)
            facts.duplicates = [duplicate]
            return PreparedFile(
                file: file,
                commit: InboundCommit(file: record, duplicates: [duplicate], track: Self.tracking(facts)),
                report: nil)
        }
        let analysis = try read.analysis.get()
        if let fatal = analysis.fatal {
            var prepared = self.failed(file, hash: hash, size: read.size, at: now, stage: .validate, reason: fatal)
            prepared.report?.findings = analysis.findings
            return prepared
        }
        guard let sender = self.identify(analysis, folder: file.partnerFolder) else {
            let identities =
                analysis.senderIdentities.isEmpty ? "none" : analysis.senderIdentities.joined(separator: ", ")
            let reason =
                "unknown sender: no partner profile in \(self.context.catalog.directory) has the identity \(identities)"
                + (file.partnerFolder.map { " and the folder inbox/\($0) names no partner" } ?? "")
            record.outcome = .quarantined(reason: reason)
            record.storedPath = "quarantine/"
            let facts = FileTrackingFacts(
                claim: file.claim, fileName: file.originalName, sender: nil, at: now, outcome: record.outcome)
            return PreparedFile(
                file: file, commit: InboundCommit(file: record, track: Self.tracking(facts)),
                report: ErrorReport(
                    file: file.originalName, claim: file.claim, at: now, stage: PipelineError.Stage.identify.rawValue,
                    reason: reason, findings: analysis.findings, partnerFolder: file.partnerFolder))
        }
        record.partner = sender.id
        return try await self.plan(file, record: record, analysis: analysis, sender: sender, known: known, at: now)
    }

    /// The sending partner: by the identities in the file (ISA06, cXML From, JSON envelope sender), else by the
    /// inbox subfolder it was dropped in.
    private func identify(_ analysis: InboundAnalysis, folder: String?) -> PartnerProfile? {
        for identity in analysis.senderIdentities {
            if let profile = self.context.catalog.partner(identifiedBy: identity) { return profile }
        }
        return folder.flatMap { self.context.catalog.profiles[$0] }
    }

    // MARK: Routing

    private func plan(
        _ file: ClaimedFile, record: InboundFile, analysis: InboundAnalysis, sender: PartnerProfile,
        known: IntakeLookup.Answer, at now: Date
    ) async throws -> PreparedFile {
        let store = self.context.store
        var record = record
        var duplicates: [DuplicateRecord] = []
        var newKeys: [InterchangeKey] = []
        var inboundNumbers: [Int] = []
        var duplicateKeys = known.receivedInterchanges.intersection(analysis.interchanges.map(InboundAnalysis.key))
        for header in analysis.interchanges {
            let key = InboundAnalysis.key(header)
            if duplicateKeys.contains(key) || newKeys.contains(key) {
                duplicates.append(
                    DuplicateRecord(
                        kind: .interchange, key: "\(key.sender)/\(key.receiver)/\(key.controlNumber)",
                        claim: file.claim, partner: sender.id, at: now))
                duplicateKeys.insert(key)
                continue
            }
            newKeys.append(key)
            guard let number = Int(header.controlNumber) else { continue }
            inboundNumbers.append(number)
        }
        let repeatedIDs = known.receivedPayloadIDs.intersection(analysis.payloadIDs)
        for id in repeatedIDs.sorted() {
            duplicates.append(
                DuplicateRecord(kind: .payloadID, key: id, claim: file.claim, partner: sender.id, at: now))
        }

        var documents: [DocumentRecord] = []
        var plans: [PlannedMessage] = []
        var events: [TrackingEvent] = []
        var facts = FileTrackingFacts(
            claim: file.claim, fileName: file.originalName, sender: sender.id, at: now, outcome: .processed)
        var rejected = analysis.undecodable
        let router = OrderRouter(catalog: self.context.catalog)
        let senderMapping = PartnerMapping(profile: sender)
        for inbound in analysis.documents {
            let envelope = inbound.document.envelope
            var status: DocumentRecord.Status = .recorded
            let isDuplicate =
                inbound.interchange.map { duplicateKeys.contains($0) } ?? false
                || envelope.payloadID.map { repeatedIDs.contains($0) } ?? false
            var document = inbound.document
            var json: Data?
            if isDuplicate {
                status = .duplicate
            } else if let rejection = inbound.rejection {
                status = .rejected(reason: rejection)
                rejected += 1
                facts.received.append(
                    FileTrackingFacts.Received(
                        document: document, controlReference: inbound.controlReference, rejection: rejection))
            } else {
                document = senderMapping.inbound(document)
                json = Data(document.encodeCanonicalJSON())
                var recipients: [String] = []
                if case .orderChange(let change) = document {
                    // A change that names no supplier goes to every supplier the order was sent to.
                    recipients = try await store.trackedOrders(number: change.orderNumber).map(\.partner)
                }
                let routing = router.route(document, orderRecipients: recipients)
                var held: [String] = routing.problems
                for delivery in routing.deliveries where delivery.partner != sender.id {
                    guard let recipient = self.context.catalog.profiles[delivery.partner],
                        let settings = recipient.documents[delivery.document.kind]?.outbound
                    else {
                        held.append("\(delivery.partner) has no outbound \(delivery.document.kind.rawValue) exchange")
                        continue
                    }
                    guard settings.isTest == inbound.isTest else {
                        // Test documents go only to partners set up for test, production only to production.
                        events.append(
                            TrackingEvent(
                                orderNumber: delivery.document.orderNumber ?? inbound.controlReference,
                                partner: recipient.id, kind: "notRouted", at: now,
                                detail:
                                    "\(inbound.isTest ? "test" : "production") document; \(recipient.id) receives \(settings.isTest ? "test" : "production") only"
                            ))
                        continue
                    }
                    let mapped = PartnerMapping(profile: recipient).outbound(delivery.document)
                    if mapped.isHeld {
                        held += mapped.findings.map { "\(recipient.id): \($0.description)" }
                        continue
                    }
                    var plan = PlannedMessage(
                        recipient: recipient, settings: settings, document: mapped.document,
                        isCopy: delivery.isCopy, isTest: inbound.isTest)
                    // Made here, where files are planned side by side, not in the store transaction.
                    plan.json = mapped.document == document ? json : Data(mapped.document.encodeCanonicalJSON())
                    if case .orderChange(let change) = mapped.document, settings.format == .cxml {
                        plan.original = try await self.storedOrder(change.orderNumber, partner: recipient.id)
                    }
                    plans.append(plan)
                    facts.sent.append(Self.sentFact(plan))
                }
                if !held.isEmpty {
                    status = .held(reason: held.joined(separator: "; "))
                    facts.held.append(
                        FileTrackingFacts.Held(
                            orderNumber: document.orderNumber, controlReference: inbound.controlReference,
                            reason: held.joined(separator: "; ")))
                } else if !plans.isEmpty {
                    status = .routed
                }
                facts.received.append(
                    FileTrackingFacts.Received(
                        document: document, controlReference: inbound.controlReference, rejection: nil))
            }
            documents.append(
                DocumentRecord(
                    kind: document.kind.rawValue, partner: sender.id, orderNumber: document.orderNumber,
                    controlReference: inbound.controlReference, isTest: inbound.isTest, status: status,
                    json: json ?? Data(document.encodeCanonicalJSON())))
        }

        var report: ErrorReport?
        let allDuplicates =
            !analysis.documents.isEmpty && documents.allSatisfy { $0.status == .duplicate }
            || (analysis.documents.isEmpty && !analysis.interchanges.isEmpty
                && analysis.interchanges.allSatisfy { duplicateKeys.contains(InboundAnalysis.key($0)) })
        var plannedAcknowledgment: AcknowledgmentPlan?
        if analysis.format == .x12, !allDuplicates, let settings = Self.acknowledgmentSettings(of: sender, analysis) {
            plannedAcknowledgment = AcknowledgmentPlan(
                partner: sender, settings: settings, target: AcknowledgmentPlan.target(for: sender),
                identity: self.context.identity, path: file.workPath, name: file.originalName)
        }
        if allDuplicates {
            record.outcome = .duplicate
        } else if rejected > 0, rejected == analysis.documents.count + analysis.undecodable {
            // The reason names the first error where it is; the report lists them all.
            let first = analysis.findings.first { $0.severity == "error" }.map { "; the first: \($0.message)" } ?? ""
            let answered = plannedAcknowledgment == nil ? "" : " (the acknowledgment sent back says which)"
            let reason = "every transaction set was rejected (\(rejected))\(answered)\(first)"
            record.outcome = .failed(reason: reason)
            record.storedPath = "error/"
            report = ErrorReport(
                file: file.originalName, claim: file.claim, at: now, stage: PipelineError.Stage.validate.rawValue,
                reason: reason, findings: analysis.findings, partnerFolder: file.partnerFolder)
        }
        // Encoded here, where files are planned side by side; the store transaction only numbers the X12.
        let encoder = OutboundEncoder(identity: self.context.identity, claim: file.claim, now: now)
        let isTest = analysis.interchanges.first?.isTest ?? false
        let acknowledgment = plannedAcknowledgment.map { plan in Swift.Result { try plan.prepare(isTest: isTest) } }
        let encoded = plans.enumerated().map { ordinal, plan in
            Swift.Result { try encoder.encode(plan, ordinal: ordinal + 1) }
        }
        let build: @Sendable (ControlNumberAllocator) throws -> [OutboundDraft] = { allocator in
            var drafts: [OutboundDraft] = []
            if let draft = try acknowledgment?.get()?.draft(allocator: allocator) { drafts.append(draft) }
            for message in encoded { drafts.append(try message.get().draft(allocator: allocator)) }
            return drafts
        }
        facts.outcome = record.outcome
        facts.duplicates = duplicates
        facts.inboundControlNumbers = inboundNumbers
        // Gaps and the tracking hook are set over the whole batch (`withGaps`).
        // A file whose every set was rejected took nothing in: its interchanges and payloadIDs are not recorded as
        // received, so the corrected file sent again under the same ISA13 or payloadID is processed, not a duplicate.
        let tookNothing = record.outcome != .processed && record.outcome != .duplicate
        let commit = InboundCommit(
            file: record, interchanges: tookNothing ? [] : newKeys, inboundControlNumbers: inboundNumbers,
            payloadIDs: tookNothing ? [] : analysis.payloadIDs.filter { !repeatedIDs.contains($0) },
            documents: documents, duplicates: duplicates, events: events, build: build, track: Self.tracking(facts))
        return PreparedFile(file: file, commit: commit, report: report, facts: facts)
    }

    /// The inbound exchange whose acknowledgment wishes apply: the first document kind the partner has X12 inbound
    /// settings for (an unknown set falls back to any inbound X12 exchange). `nil` when neither a 997/999 nor a TA1
    /// is wanted.
    private static func acknowledgmentSettings(of partner: PartnerProfile, _ analysis: InboundAnalysis)
        -> ExchangeSettings?
    {
        let kinds = analysis.documents.map(\.document.kind)
        let settings =
            kinds.lazy.compactMap { partner.documents[$0]?.inbound }.first { $0.format == .x12 }
            ?? partner.documents.keys.sorted { $0.rawValue < $1.rawValue }.lazy
            .compactMap { partner.documents[$0]?.inbound }.first { $0.format == .x12 }
        guard let settings, settings.acknowledgment != nil || settings.wantsTA1 else { return nil }
        return settings
    }

    // MARK: Tracking

    /// The commit hook that applies a file's facts to order tracking.
    static func tracking(_ facts: FileTrackingFacts) -> CommitTracking {
        { session, drafts throws(StoreError) in try OrderTracker().apply(facts, drafts: drafts, session: session) }
    }

    /// What tracking needs to know of a planned message: the recipient's deadlines (its profile's `tracking`, else
    /// 2 h for a 997/999 when orders go to it as X12, and 24 h for an 855 when it sends order acknowledgments).
    static func sentFact(_ plan: PlannedMessage) -> FileTrackingFacts.Sent {
        let profile = plan.recipient
        let acknowledgment =
            profile.tracking.acknowledgmentWithin
            ?? (plan.settings.format == .x12 ? TrackingSettings.defaultAcknowledgmentWithin : 0)
        let confirmation =
            profile.tracking.confirmationWithin
            ?? (profile.documents[.orderAcknowledgment]?.inbound != nil
                ? TrackingSettings.defaultConfirmationWithin : 0)
        return FileTrackingFacts.Sent(
            recipient: profile.id, document: plan.document, json: plan.json, isCopy: plan.isCopy,
            format: plan.settings.format.rawValue, acknowledgmentWithin: acknowledgment,
            confirmationWithin: confirmation)
    }

    /// The current version of an order leg as stored, for restating a change in cXML.
    private func storedOrder(_ number: String, partner: String) async throws -> PurchaseOrder? {
        guard
            let leg = try await self.context.store.trackedOrders(number: number).first(where: { $0.partner == partner })
        else { return nil }
        return try? OrderTracker.order(of: leg)
    }

    // MARK: Outcomes

    private func failed(
        _ file: ClaimedFile, hash: String, size: Int64, at now: Date, stage: PipelineError.Stage, reason: String
    ) -> PreparedFile {
        let record = InboundFile(
            claim: file.claim, originalName: file.originalName, contentHash: hash, size: size,
            partner: file.partnerFolder, receivedAt: now, outcome: .failed(reason: reason), storedPath: "error/")
        let facts = FileTrackingFacts(
            claim: file.claim, fileName: file.originalName, sender: file.partnerFolder, at: now, outcome: record.outcome
        )
        return PreparedFile(
            file: file, commit: InboundCommit(file: record, track: Self.tracking(facts)),
            report: ErrorReport(
                file: file.originalName, claim: file.claim, at: now, stage: stage.rawValue, reason: reason,
                findings: [], partnerFolder: file.partnerFolder))
    }

    /// A file whose commit the store refused inside a batch is prepared and committed again on its own: when an
    /// earlier file of the same batch held the same interchange or payloadID, the store now knows it and the file
    /// becomes a recorded duplicate. A refusal that repeats (an encoding that throws) sends it to `error/`.
    private func retryAlone(_ item: PreparedFile, reason: String) async -> Result {
        do {
            let batch = await self.prepare([item.file])
            if let result = batch.results[0] { return result }
            let again = try await self.withGaps([batch.prepared[0].prepared])[0]
            if case .committed(let ids)? = try await self.context.store.commit([again.commit]).first {
                return await self.move(
                    again.file, outcome: again.commit.file.outcome, report: again.report, messageIDs: ids)
            }
        } catch {
            return Self.deferred(item.file, reason: error.description)
        }
        return await self.commitFailure(item, reason: reason)
    }

    /// A commit the store refused (a build closure that threw, a unique key taken meanwhile): the file is recorded
    /// as failed on its own and moved to `error/`.
    private func commitFailure(_ item: PreparedFile, reason: String) async -> Result {
        let now = self.context.clock()
        var record = item.commit.file
        record.outcome = .failed(reason: reason)
        record.storedPath = "error/"
        let report = ErrorReport(
            file: item.file.originalName, claim: item.file.claim, at: now, stage: PipelineError.Stage.encode.rawValue,
            reason: reason, findings: item.report?.findings ?? [], partnerFolder: item.file.partnerFolder)
        let facts = FileTrackingFacts(
            claim: item.file.claim, fileName: item.file.originalName, sender: record.partner, at: now,
            outcome: record.outcome)
        do {
            let outcome = try await self.context.store.commit([InboundCommit(file: record, track: Self.tracking(facts))]
            )
            guard case .committed = outcome.first else {
                return Self.deferred(item.file, reason: reason)
            }
        } catch {
            return Self.deferred(item.file, reason: error.description)
        }
        return await self.move(item.file, outcome: record.outcome, report: report, messageIDs: [])
    }

    /// Moves a committed file to where its outcome says.
    private func move(_ file: ClaimedFile, outcome: InboundOutcome, report: ErrorReport?, messageIDs: [Int64])
        async -> Result
    {
        await offThePool { self.moveBlocking(file, outcome: outcome, report: report, messageIDs: messageIDs) }
    }

    private func moveBlocking(
        _ file: ClaimedFile, outcome: InboundOutcome, report: ErrorReport?, messageIDs: [Int64]
    ) -> Result {
        // Archiving is not flushed (the store's commit is the record); error/ and quarantine/ moves are, with their
        // reports: see FileMover.synchronizesMoves.
        let archiving = outcome == .processed || outcome == .duplicate
        let mover = FileMover(workspace: self.context.workspace, synchronizesMoves: !archiving)
        let now = self.context.clock()
        do {
            switch outcome {
            case .processed, .duplicate:
                let path = try mover.archive(file, at: now)
                return Result(
                    claim: file.claim, originalName: file.originalName, disposition: .archived, path: path,
                    messageIDs: messageIDs, reason: outcome == .duplicate ? "duplicate" : nil)
            case .failed(let reason):
                let report =
                    report
                    ?? ErrorReport(
                        file: file.originalName, claim: file.claim, at: now, stage: PipelineError.Stage.store.rawValue,
                        reason: reason, findings: [], partnerFolder: file.partnerFolder)
                let path = try mover.moveToError(file, report: report)
                return Result(
                    claim: file.claim, originalName: file.originalName, disposition: .failed, path: path,
                    messageIDs: messageIDs, reason: reason)
            case .quarantined(let reason):
                let report =
                    report
                    ?? ErrorReport(
                        file: file.originalName, claim: file.claim, at: now,
                        stage: PipelineError.Stage.identify.rawValue, reason: reason, findings: [],
                        partnerFolder: file.partnerFolder)
                let path = try mover.moveToQuarantine(file, report: report)
                return Result(
                    claim: file.claim, originalName: file.originalName, disposition: .quarantined, path: path,
                    messageIDs: messageIDs, reason: reason)
            }
        } catch {
            // The messages are committed and queued all the same: report them, so delivery is woken for them.
            return Self.deferred(file, reason: "committed, but the move failed: \(error)", messageIDs: messageIDs)
        }
    }

    private static func deferred(_ file: ClaimedFile, reason: String, messageIDs: [Int64] = []) -> Result {
        Result(
            claim: file.claim, originalName: file.originalName, disposition: .deferred, path: nil,
            messageIDs: messageIDs, reason: reason)
    }

    /// `archive/YYYY/MM/DD/` for `date` in UTC.
    static func archiveFolder(_ date: Date) -> String { "archive/" + FileMover.day(date) + "/" }
}
