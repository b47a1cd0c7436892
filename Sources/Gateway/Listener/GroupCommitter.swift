/// Group commit for the listener: the documents of concurrent requests share store transactions, as inbox files
/// do. A request that finds nothing being committed starts at once (no added latency when alone); requests that
/// arrive while a commit runs are committed together next, up to `batchSize` at a time. Each file's outcome is still
/// its own (``FileProcessor/process(_:)``), and each request is answered only after the commit that holds it.
actor GroupCommitter {
    private let runtime: GatewayRuntime
    private let batchSize: Int
    private var waiting: [(file: ClaimedFile, answer: CheckedContinuation<FileProcessor.Result?, Never>)] = []
    private var committing = false

    init(runtime: GatewayRuntime, batchSize: Int) {
        self.runtime = runtime
        self.batchSize = max(1, batchSize)
    }

    /// Processes `file` in the next group commit; nil only if the processor returned nothing for it.
    func process(_ file: ClaimedFile) async -> FileProcessor.Result? {
        await withCheckedContinuation { answer in
            self.waiting.append((file, answer))
            if !self.committing {
                self.committing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !self.waiting.isEmpty {
            let batch = Array(self.waiting.prefix(self.batchSize))
            self.waiting.removeFirst(batch.count)
            // Requests arriving during this await join `waiting` for the next round.
            let results = await self.runtime.processor.process(batch.map(\.file))
            for (index, item) in batch.enumerated() {
                item.answer.resume(returning: index < results.count ? results[index] : nil)
            }
        }
        self.committing = false
    }
}
