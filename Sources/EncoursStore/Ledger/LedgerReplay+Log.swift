import Dispatch
import EncoursCore
import Synchronization

extension Ledger {
    /// The ledger as the log holds it, through `lastSequence` (everything by default): a
    /// cold start, or "what did we know then" for `known_at`.
    ///
    /// This thread reads and decodes the rows; another applies them (``ChunkPipe``).
    public static func replay(_ log: EventLog, through lastSequence: Int64 = .max) throws(LedgerDatabaseError) -> Ledger
    {
        let pipe = ChunkPipe<ReplayChunk>(capacity: 2 * LedgerReplay.window / replayChunkSize)
        // Drained chunks go back to the reader: fresh ones would be fresh memory to fault in.
        let spares = ReplayChunk.Spares(capacity: replayChunkSize)
        let built = Mutex<Result<Ledger, LedgerReplayError>?>(nil)
        let routed = Mutex<DocumentOwners?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let expectedCount = Int(min(log.lastSequence, lastSequence))
        DispatchQueue.global(qos: .userInitiated).async {
            var replay = LedgerReplay(expectedCount: expectedCount)
            while let chunk = pipe.receive() {
                chunk.drain { item in
                    replay.add(sequence: item.sequence, account: item.account, stream: item.stream, event: item.event)
                }
                spares.give(chunk)
            }
            // The reader hands its owners over before sending the end.
            let owners = routed.withLock { $0 ?? DocumentOwners() }
            let result: Result<Ledger, LedgerReplayError>
            do throws(LedgerReplayError) {
                result = .success(try replay.finish(owners: owners))
            } catch {
                result = .failure(error)
            }
            built.withLock { $0 = result }
            finished.signal()
        }

        var router = ReplayRouter(expectedCount: expectedCount)
        let readFailure = readChunks(of: log, through: lastSequence, into: pipe, spares: spares, router: &router)
        let owners = router.owners
        routed.withLock { $0 = owners }
        pipe.close()
        finished.wait()
        if let readFailure { throw readFailure }
        switch built.withLock({ $0 })! {
        case .success(let ledger): return ledger
        case .failure(let error): throw .unreplayable(error)
        }
    }

    /// How many entries the reading thread hands over at a time.
    private static let replayChunkSize = 4096

    /// Reads and decodes the log into `pipe`, chunk by chunk; returns what stopped it early.
    private static func readChunks(
        of log: EventLog,
        through lastSequence: Int64,
        into pipe: ChunkPipe<ReplayChunk>,
        spares: ReplayChunk.Spares,
        router: inout ReplayRouter
    ) -> LedgerDatabaseError? {
        var chunk = spares.take()
        var failure: LedgerDatabaseError?
        do {
            try log.withPageCache(kibibytes: 2048) {
                try log.scanRecords(through: lastSequence) { row in
                    let event: Event
                    do {
                        event = try EventRecordCodec.decode(row.recordBytes)
                    } catch let error as EventRecordError {
                        failure = .undecodableRecord(seq: row.seq, error)
                        throw error
                    }
                    // Most events name their customer, which is their stream: no second string.
                    let stream = event.namedCustomer ?? CustomerID(String(decoding: row.streamBytes, as: UTF8.self))
                    let account = router.route(stream: stream, event: event)
                    chunk.append(.init(sequence: row.seq, account: account, stream: stream, event: event))
                    if chunk.isFull {
                        pipe.send(chunk)
                        chunk = spares.take()
                    }
                }
            }
        } catch let error as EventLogError {
            return .log(error)
        } catch {
            return failure ?? .log(.misuse("\(error)"))
        }
        if chunk.count > 0 { pipe.send(chunk) }
        return nil
    }
}
