import EncoursCore

extension Ledger {
    /// `ledger` (restored from a snapshot) followed by the log's rows after its last
    /// sequence: the ledger a replay of the whole log gives, backdated rows included.
    ///
    /// One thread: the rows after a snapshot are few (the daemon writes one every so many
    /// events and at shutdown), and they reach an account already built.
    static func replay(_ log: EventLog, continuing ledger: consuming Ledger) throws(LedgerDatabaseError) -> Ledger {
        let first = ledger.lastSequence + 1
        guard first <= log.lastSequence else { return ledger }
        // Consumed, so the entries are appended in place rather than copied.
        var replay = LedgerReplay(continuing: ledger, expectedCount: Int(log.lastSequence - first + 1))
        var failure: LedgerDatabaseError?
        do {
            try log.scanRecords(from: first) { row in
                let event: Event
                do {
                    event = try EventRecordCodec.decode(row.recordBytes)
                } catch let error as EventRecordError {
                    failure = .undecodableRecord(seq: row.seq, error)
                    throw error
                }
                // As the full replay does: most events name their customer, which is their stream.
                let stream = event.namedCustomer ?? CustomerID(String(decoding: row.streamBytes, as: UTF8.self))
                replay.add(sequence: row.seq, stream: stream, event: event)
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
