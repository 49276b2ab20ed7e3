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
        let failure = ReplayRows.read({ body in try log.scanRecords(from: first, body) }) { seq, stream, event in
            replay.add(sequence: seq, stream: stream, event: event)
        }
        if let failure { throw failure }
        do {
            return try replay.finish()
        } catch {
            throw .unreplayable(error)
        }
    }
}
