import Dispatch
import EncoursCore
import Synchronization

extension LedgerDatabase {
    /// From this many events on, a batch whose keys are all new is inserted as its rows are
    /// being prepared.
    static let streamingThreshold = 16_384

    /// What the preparing thread concluded.
    private enum StreamVerdict: Sendable {
        case checked(Result<PreparedBatch, BatchRejection>)
        /// A key that may be recorded already, or one used twice in the batch: the batch
        /// needs the look-ups of the ordinary path.
        case needsOrdinaryPath
    }

    /// Appends a large batch of new events with the work spread over two cores: one thread
    /// resolves customers, encodes rows and then checks the batch against the ledger; this
    /// one inserts the rows as they come and commits only if the check passed. Returns `nil`,
    /// with nothing appended, when the batch turns out to need the ordinary path.
    ///
    /// Measured on the project's VM: a first import of 1M events spent about 1.5 s encoding
    /// and resolving before SQLite received its first row; here SQLite starts at once.
    func appendStreaming(
        _ submissions: [Submission],
        actor: String,
        recordedAt: String,
        fingerprints: KeyFingerprints
    ) throws(LedgerDatabaseError) -> AppendReport? {
        let pipe = ChunkPipe<NewEvent>()
        let verdict = Mutex<StreamVerdict?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let ledger = self.ledger
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = Self.prepareRows(
                submissions,
                actor: actor,
                ledger: ledger,
                fingerprints: fingerprints,
                into: pipe
            )
            verdict.withLock { $0 = outcome }
            pipe.send([])
            finished.signal()
        }
        func waitForVerdict() -> StreamVerdict {
            finished.wait()
            finished.signal()
            return verdict.withLock { $0 }!
        }

        let appended: [AppendOutcome]
        var sawEnd = false
        do {
            appended = try log.append(
                chunks: {
                    let chunk = pipe.receive()
                    sawEnd = chunk.isEmpty
                    return chunk.isEmpty ? nil : chunk
                },
                expectedCount: submissions.count,
                recordedAt: recordedAt
            ) { () throws(EventLogError) in
                guard case .checked(.success) = waitForVerdict() else { throw .vetoed("the batch was not accepted") }
            }
        } catch {
            // Let the preparing thread finish: it may be waiting for room in the pipe.
            while !sawEnd { sawEnd = pipe.receive().isEmpty }
            switch waitForVerdict() {
            case .needsOrdinaryPath: return nil
            case .checked(.failure(let rejection)):
                throw .rejected(rejection.items.map { .init(index: $0.index, violation: $0.violation) })
            case .checked(.success): throw .log(error)
            }
        }
        guard case .checked(.success(let prepared)) = waitForVerdict() else {
            throw .log(.misuse("a streamed batch was committed without its check"))
        }
        try install(prepared, appended: appended)
        return AppendReport(outcomes: appended)
    }

    /// The preparing thread's work: rows in chunks into `pipe`, then the ledger check.
    private static func prepareRows(
        _ submissions: [Submission],
        actor: String,
        ledger: Ledger,
        fingerprints: KeyFingerprints,
        into pipe: ChunkPipe<NewEvent>
    ) -> StreamVerdict {
        let events = submissions.map(\.event)
        let resolution = ledger.resolveStreams(events)
        let streams = resolution.streams
        var seen = Set<UInt64>()
        seen.reserveCapacity(submissions.count)
        let chunkSize = 8192
        var start = 0
        while start < submissions.count {
            let end = min(start + chunkSize, submissions.count)
            var rows: [NewEvent] = []
            rows.reserveCapacity(end - start)
            for index in start..<end {
                let submission = submissions[index]
                // An unresolved stream is rejected by the check before anything is committed.
                let row = NewEvent(
                    event: submission.event,
                    stream: streams[index] ?? "",
                    payload: submission.payload,
                    actor: actor
                )
                let fingerprint = KeyFingerprints.fingerprint(row.key.utf8)
                guard !fingerprints.mayContain(fingerprint), seen.insert(fingerprint).inserted else {
                    return .needsOrdinaryPath
                }
                rows.append(row)
            }
            pipe.send(rows)
            start = end
        }
        return .checked(ledger.prepare(events, resolution: resolution))
    }
}
