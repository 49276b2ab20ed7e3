import EncoursCore

extension Ledger {
    /// The ledger as the log holds it, through `lastSequence` (everything by default): a
    /// cold start, or "what did we know then" for `known_at`.
    public static func replay(_ log: EventLog, through lastSequence: Int64 = .max) throws(LedgerDatabaseError) -> Ledger
    {
        var replay = LedgerReplay(expectedCount: Int(min(log.lastSequence, lastSequence)))
        var failure: LedgerDatabaseError?
        do {
            try log.withPageCache(kibibytes: 2048) {
                try log.scan(through: lastSequence) { row in
                    let event: Event
                    do {
                        event = try EventRecordCodec.decode(row.recordBytes)
                    } catch let error as EventRecordError {
                        failure = .undecodableRecord(seq: row.seq, error)
                        throw error
                    }
                    // Most events name their customer, which is their stream: no second string.
                    let stream = event.namedCustomer ?? CustomerID(String(decoding: row.streamBytes, as: UTF8.self))
                    replay.add(sequence: row.seq, stream: stream, event: event)
                }
            }
        } catch let error as EventLogError {
            throw .log(error)
        } catch {
            throw failure ?? .log(.misuse("\(error)"))
        }
        do {
            return try replay.finish()
        } catch {
            throw .unreplayable(error)
        }
    }
}
