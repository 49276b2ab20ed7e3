import Dispatch
import EncoursCore
import Synchronization

extension LedgerDatabase {
    /// From this many events on, a batch whose keys are all new is inserted as its rows are
    /// being prepared.
    static let streamingThreshold = 16_384

    /// Rows per ``RowBlock``.
    static let streamingBlockSize = 8192

    /// What the preparing thread concluded.
    private enum StreamVerdict: Sendable {
        case checked(Result<PreparedBatch, BatchRejection>)
        /// A key that may be recorded already, or one used twice in the batch: the batch
        /// needs the look-ups of the ordinary path.
        case needsOrdinaryPath
        /// A row the log cannot hold (a business date outside years 1 to 9999).
        case failed(EventLogError)
        /// The feed's reading failed.
        case abandoned
    }

    /// How a streamed batch ended when it did not throw.
    enum StreamOutcome {
        case appended(AppendReport)
        /// Nothing was appended: the batch needs the ordinary path.
        case needsOrdinaryPath
        /// Nothing was appended: the feed's reading failed.
        case abandoned
    }

    /// Appends a large batch of new events with the work spread over two cores: one thread
    /// takes the batch from `feed` as it is read, resolves customers, hashes and lays out
    /// rows and then checks the batch against the ledger; this one inserts the rows as they
    /// come and commits only if the check passed. Nothing is appended unless it returns
    /// ``StreamOutcome/appended(_:)``.
    ///
    /// Measured on the project's VM: a first import of 1M events spent about 1.5 s encoding
    /// and resolving before SQLite received its first row; here SQLite starts at once.
    func appendStreaming(
        _ feed: SubmissionFeed,
        actor: String,
        recordedAt: String,
        fingerprints: KeyFingerprints
    ) throws(LedgerDatabaseError) -> StreamOutcome {
        let pipe = ChunkPipe<RowBlock>()
        let verdict = Mutex<StreamVerdict?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let ledger = self.ledger
        // The rows' hashes continue the chain from the head read inside the transaction,
        // so the preparing thread starts once the log has read it.
        func startPreparing(after head: LogHead) {
            let builder = UncheckedBuilder(
                RowBlockBuilder(after: head, recordedAt: recordedAt, actor: actor, rowsPerBlock: Self.streamingBlockSize)
            )
            DispatchQueue.global(qos: .userInitiated).async {
                let outcome = Self.prepareRows(
                    from: feed,
                    ledger: ledger,
                    fingerprints: fingerprints,
                    builder: builder.builder,
                    into: pipe
                )
                verdict.withLock { $0 = outcome }
                pipe.close()
                finished.signal()
            }
        }
        func waitForVerdict() -> StreamVerdict {
            finished.wait()
            finished.signal()
            return verdict.withLock { $0 }!
        }

        let appended: [AppendOutcome]
        var started = false
        var sawEnd = false
        do {
            appended = try log.appendBlocks(
                recordedAt: recordedAt,
                start: {
                    started = true
                    startPreparing(after: $0)
                },
                next: {
                    let block = pipe.receive()
                    sawEnd = block == nil
                    return block
                }
            ) { () throws(EventLogError) in
                guard case .checked(.success) = waitForVerdict() else { throw .vetoed("the batch was not accepted") }
            }
        } catch {
            guard started else { throw .log(error) }
            // Let the preparing thread finish: it may be waiting for room in the pipe.
            while !sawEnd { sawEnd = pipe.receive() == nil }
            switch waitForVerdict() {
            case .needsOrdinaryPath: return .needsOrdinaryPath
            case .abandoned: return .abandoned
            case .checked(.failure(let rejection)):
                throw .rejected(rejection.items.map { .init(index: $0.index, violation: $0.violation) })
            case .checked(.success): throw .log(error)
            case .failed(let failure): throw .log(failure)
            }
        }
        guard case .checked(.success(let prepared)) = waitForVerdict() else {
            throw .log(.misuse("a streamed batch was committed without its check"))
        }
        try install(prepared, appended: appended)
        return .appended(AppendReport(outcomes: appended))
    }

    /// The preparing thread's work: rows in blocks into `pipe` as the feed brings events and
    /// their customers are known, then the ledger check of the whole batch.
    private static func prepareRows(
        from feed: SubmissionFeed,
        ledger: Ledger,
        fingerprints: KeyFingerprints,
        builder: RowBlockBuilder,
        into pipe: ChunkPipe<RowBlock>
    ) -> StreamVerdict {
        var resolver = StreamResolver(ledger: ledger, expectedCount: feed.expectedCount)
        // The ledger entries the events become, built as they arrive: the check's plan would
        // otherwise build them at the end, on the one core left working. Sized for the
        // count the feed expects, so that a million entries are not moved as it grows.
        var pending: [LedgerEntry] = []
        pending.reserveCapacity(feed.expectedCount)
        // The chunks as the feed holds them; rows are made from `next` on.
        var chunks: [[LedgerDatabase.Submission]] = []
        var next = (chunk: 0, offset: 0)
        var emitted = 0
        var seen = FingerprintSet(minimumCapacity: feed.expectedCount)

        func emit(through end: Int, streams: [CustomerID?]) -> StreamVerdict? {
            while emitted < end {
                while next.offset == chunks[next.chunk].count { next = (next.chunk + 1, 0) }
                let fingerprint: UInt64
                do {
                    // In place: a copy of the submission would retain and release its event.
                    fingerprint = try builder.append(
                        chunks[next.chunk][next.offset].event,
                        // An unresolved stream is rejected by the check before anything is committed.
                        stream: streams[emitted] ?? "",
                        payload: chunks[next.chunk][next.offset].payload,
                        index: emitted
                    )
                } catch {
                    return .failed(error)
                }
                next.offset += 1
                emitted += 1
                guard !fingerprints.mayContain(fingerprint), seen.insert(fingerprint) else {
                    return .needsOrdinaryPath
                }
                if builder.pendingRowCount == streamingBlockSize { pipe.send(builder.takeBlock()) }
            }
            return nil
        }

        var end: SubmissionFeed.End?
        while end == nil {
            let (arrived, ended) = feed.chunks(after: chunks.count)
            end = ended
            if ended == .abandoned { return .abandoned }
            for chunk in arrived {
                chunks.append(chunk)
                // By index: iterating would copy each submission, retaining its event and payload.
                for index in chunk.indices {
                    let sequence = ledger.lastSequence + 1 + Int64(pending.count)
                    pending.append(LedgerEntry(sequence: sequence, event: chunk[index].event))
                }
            }
            resolver.add(pending)
            if let stop = emit(through: resolver.resolvedCount, streams: resolver.streams) { return stop }
        }
        let resolution = resolver.finish(pending)
        if let stop = emit(through: pending.count, streams: resolution.streams) { return stop }
        if builder.pendingRowCount > 0 { pipe.send(builder.takeBlock()) }
        return .checked(checkOnTwoCores(resolution: resolution, pending: pending, ledger: ledger))
    }

    /// ``Ledger/prepare(_:resolution:)`` with the accounts checked half here, half on
    /// another thread: when it runs, the inserting thread has caught up and waits for it.
    private static func checkOnTwoCores(
        resolution: StreamResolution,
        pending: [LedgerEntry],
        ledger: Ledger
    ) -> Result<PreparedBatch, BatchRejection> {
        let plan = ledger.plan(pending: pending, resolution: resolution)
        let parts = plan.parts(2)
        guard parts.count == 2 else {
            return ledger.finish(plan, checking: [ledger.checkAccounts(of: plan, plan.accounts)])
        }
        let second = HelperThread { ledger.checkAccounts(of: plan, parts[1]) }
        let first = ledger.checkAccounts(of: plan, parts[0])
        return ledger.finish(plan, checking: [first, second.wait()])
    }
}

/// The block builder, handed to the preparing thread that alone uses it from then on.
private struct UncheckedBuilder: @unchecked Sendable {
    let builder: RowBlockBuilder
    init(_ builder: RowBlockBuilder) { self.builder = builder }
}
