import Foundation
import Hummingbird
import Logging
import Store

/// Answers `POST /cxml`: reads the body into a temporary file in `work/` (bounded), checks it, persists it as a
/// claimed file, runs it through the same ``FileProcessor`` as inbox files, and answers with a cXML `Response`.
///
/// | HTTP | when |
/// |---|---|
/// | 200 | the document is committed to the store (and archived) |
/// | 400 | not well-formed, or refused by the XML reader (internal subset, entities, depth, sizes) |
/// | 401 | unknown sender, or the `Sender` credential or `SharedSecret` is wrong |
/// | 404 / 405 | another path / another method |
/// | 406 | the decoder found errors, or the partner may not send this document in cXML |
/// | 409 | the payloadID was accepted before (or is being accepted now) |
/// | 413 | the body is larger than `listener.maxBodyBytes` |
/// | 500 | the disk or the store failed; nothing was kept |
struct ListenerResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let runtime: GatewayRuntime
    let settings: ListenerSettings
    let logger: Logger
    /// Test-only fault injection: called right after a document is persisted, before it is processed.
    let afterPersist: (@Sendable (ClaimedFile) -> Void)?
    /// payloadIDs of requests being accepted right now.
    let payloadIDs = ClaimsInFlight()

    /// Bytes gathered from the body before they are written to the temporary file.
    private static let writeSize = 256 << 10

    func respond(to request: Request, context: Context) async throws -> Response {
        let answer: ListenerAnswer
        if request.uri.path != "/cxml" {
            answer = ListenerAnswer(404, "cXML documents are posted to /cxml")
        } else if request.method != .post {
            var refusal = ListenerAnswer(405, "cXML documents are sent with POST")
            refusal.allowsOnlyPost = true
            answer = refusal
        } else {
            answer = await self.accept(request)
        }
        var metadata: Logger.Metadata = ["http.status": "\(answer.code)"]
        if let payloadID = answer.payloadID { metadata["cxml.payloadID"] = "\(payloadID)" }
        if answer.code == 200 {
            self.logger.info("accepted a cXML document by HTTP", metadata: metadata)
        } else {
            self.logger.notice("refused an HTTP request: \(answer.message)", metadata: metadata)
        }
        return answer.response
    }

    // MARK: Accepting a document

    private func accept(_ request: Request) async -> ListenerAnswer {
        let maximum = self.settings.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximum {
            return Self.tooLarge(maximum)
        }
        let claim = ClaimID.make()
        let work = self.runtime.workspace.work
        let spool: RequestSpool
        switch await offThePool({ Result { () throws(IntakeError) in try RequestSpool.create(in: work, claim: claim) } }
        )
        {
        case .success(let created): spool = created
        case .failure(let error): return ListenerAnswer(500, "the document cannot be stored: \(error.message)")
        }
        if let refusal = await self.receive(request.body, into: spool) { return refusal }

        // The checks, off the cooperative pool: they read the file.
        let check = CXMLRequestCheck(catalog: self.runtime.catalog, identity: self.runtime.identity)
        let examined = await offThePool { check.examine(path: spool.path, name: "http request \(claim)") }
        let accepted: CXMLRequestCheck.Accepted
        switch examined {
        case .success(let passed): accepted = passed
        case .failure(let refusal):
            await offThePool { spool.discard(closing: false) }
            return refusal
        }
        let payloadID = accepted.payloadID
        guard self.payloadIDs.take(payloadID) else {
            await offThePool { spool.discard(closing: false) }
            return ListenerAnswer(409, "a document with this payloadID is being accepted now", payloadID: payloadID)
        }
        defer { self.payloadIDs.release(payloadID) }
        do {
            if try await self.runtime.store.receivedPayloadIDs([payloadID]).contains(payloadID) {
                await offThePool { spool.discard(closing: false) }
                return ListenerAnswer(409, "a document with this payloadID was accepted already", payloadID: payloadID)
            }
        } catch {
            await offThePool { spool.discard(closing: false) }
            return ListenerAnswer(500, "the store cannot be read: \(error)", payloadID: payloadID)
        }
        return await self.persistAndProcess(spool, claim: claim, accepted: accepted)
    }

    /// Writes the body to the spool, at most `maxBodyBytes`; an answer when it is refused (the spool removed).
    private func receive(_ body: RequestBody, into spool: RequestSpool) async -> ListenerAnswer? {
        let maximum = self.settings.maxBodyBytes
        var pending = ByteBuffer()
        var total = 0
        do {
            for try await chunk in body {
                total += chunk.readableBytes
                if total > maximum {
                    await offThePool { spool.discard(closing: true) }
                    return Self.tooLarge(maximum)
                }
                pending.writeImmutableBuffer(chunk)
                if pending.readableBytes >= Self.writeSize {
                    let full = pending
                    try await offThePool { Result { () throws(IntakeError) in try spool.write(full) } }.get()
                    pending.clear()
                }
            }
            let last = pending
            try await offThePool {
                Result { () throws(IntakeError) in
                    try spool.write(last)
                    try spool.finish()
                }
            }.get()
        } catch let error as IntakeError {
            await offThePool { spool.discard(closing: false) }
            return ListenerAnswer(500, "the document cannot be stored: \(error.message)")
        } catch {
            await offThePool { spool.discard(closing: true) }
            return ListenerAnswer(400, "the request body could not be read: \(error)")
        }
        return nil
    }

    /// Renames the spool to its claimed name in `work/` (durably), processes it like an inbox file, and answers from
    /// the outcome.
    private func persistAndProcess(_ spool: RequestSpool, claim: String, accepted: CXMLRequestCheck.Accepted) async
        -> ListenerAnswer
    {
        let payloadID = accepted.payloadID
        let originalName = "http/" + String(OutboundEncoder.safeName(payloadID).prefix(160)) + ".xml"
        let work = self.runtime.workspace.work
        let workPath = work + "/" + ClaimedFile.workName(claim: claim, originalName: originalName)
        let file = ClaimedFile(claim: claim, workPath: workPath, originalName: originalName, partnerFolder: "http")
        // Held before the rename, so the intake never takes the file while this request processes it.
        _ = self.runtime.listenerClaims.take(claim)
        defer { self.runtime.listenerClaims.release(claim) }
        let persisted = await offThePool {
            Result { () throws(IntakeError) in try spool.persist(as: workPath, folder: work) }
        }
        if case .failure(let error) = persisted {
            await offThePool { spool.discard(closing: false) }
            return ListenerAnswer(500, "the document cannot be stored: \(error.message)", payloadID: payloadID)
        }
        self.afterPersist?(file)

        guard let result = await self.runtime.processor.process([file]).first else {
            return ListenerAnswer(500, "the document was not processed", payloadID: payloadID)
        }
        if !result.messageIDs.isEmpty { self.runtime.doorbell.ring() }
        switch result.disposition {
        case .archived where result.reason == "duplicate":
            return ListenerAnswer(409, "a document with the same content was accepted already", payloadID: payloadID)
        case .archived:
            return ListenerAnswer(
                200, "accepted from \(accepted.partner): \(result.messageIDs.count) message(s) queued",
                payloadID: payloadID)
        case .failed, .quarantined:
            return ListenerAnswer(
                406, "the document was refused by the pipeline: \(result.reason ?? "no reason given")",
                payloadID: payloadID)
        case .deferred:
            return await self.deferred(file, result: result, payloadID: payloadID)
        }
    }

    /// The store could not commit (or the move after the commit failed). A committed document is accepted (the next
    /// pass finishes its move); one the store certainly does not have is removed and answered 500, so the sender's
    /// retry starts afresh; when the store cannot even say, the file stays in `work/` for the intake to finish, and
    /// the answer is 500 (a retry is then answered 409 once the file is processed).
    private func deferred(_ file: ClaimedFile, result: FileProcessor.Result, payloadID: String) async -> ListenerAnswer
    {
        let reason = result.reason ?? "the store did not commit"
        if !result.messageIDs.isEmpty {
            return ListenerAnswer(200, "accepted; \(result.messageIDs.count) message(s) queued", payloadID: payloadID)
        }
        do {
            if try await self.runtime.store.inboundFile(claim: file.claim) != nil {
                return ListenerAnswer(200, "accepted", payloadID: payloadID)
            }
            let path = file.workPath
            _ = await offThePool { Result { () throws(IntakeError) in try FileSystemCalls.remove(path) } }
            return ListenerAnswer(500, "the document could not be stored: \(reason)", payloadID: payloadID)
        } catch {
            return ListenerAnswer(
                500, "the document could not be stored now: \(reason); it is kept and processed later",
                payloadID: payloadID)
        }
    }

    private static func tooLarge(_ maximum: Int) -> ListenerAnswer {
        var answer = ListenerAnswer(413, "the body is larger than the \(maximum) bytes this gateway accepts")
        answer.closesConnection = true
        return answer
    }
}
